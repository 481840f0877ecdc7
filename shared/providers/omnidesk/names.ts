// Omnidesk accepts first and last names only when they match one documented pattern (seed 004):
// ASCII letters, the Latin-1 letters À–Ö, Ø–Þ, ß–ö, ø–ÿ, Š/š, dot, hyphen, apostrophe and space.
// Real spreadsheets hold names such as "Łukasz" or "Wiśniewska", which that pattern refuses, so
// Crosswalk sends the nearest accepted spelling ("Lukasz", "Wisniewska") and tells the person; a
// name with digits, commas or another script cannot be spelled that way and has to be fixed.

/** The pattern exactly as Omnidesk documents it for `firstname` and `lastname`. */
export const OMNIDESK_NAME_PATTERN = /^[a-zA-ZÀ-ÖØ-Þß-öø-ÿŠš.\-' ]+$/

const ALLOWED_CHARACTER = /^[a-zA-ZÀ-ÖØ-Þß-öø-ÿŠš.\-' ]$/

/** Letters that do not decompose into a base letter plus accents. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  œ: 'oe',
  Œ: 'OE',
  ŧ: 't',
  Ŧ: 'T',
  // Typographic apostrophes and dashes people paste from word processors.
  '\u2019': "'",
  '\u2018': "'",
  ʼ: "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
}

/** Spellings already worked out: names repeat their letters, and this runs on every row. */
const spelled = new Map<string, string>()

function spellCharacter(character: string): string {
  let spelling = spelled.get(character)
  if (spelling === undefined) {
    spelling = spellingOf(character)
    // Bounded: a file in an unexpected script must not grow this without end.
    if (spelled.size < 10_000) spelled.set(character, spelling)
  }
  return spelling
}

function spellingOf(character: string): string {
  if (ALLOWED_CHARACTER.test(character)) return character
  const special = SPECIAL_LETTERS[character]
  if (special !== undefined) return special
  // "ś" → "s" + combining acute → "s". Only when that leaves nothing but accepted characters.
  const base = character.normalize('NFD').replace(/\p{M}/gu, '')
  return base !== '' && [...base].every((part) => ALLOWED_CHARACTER.test(part)) ? base : character
}

/** The spelling Omnidesk will accept: Latin-1 letters kept, others reduced to their base letter. */
export function omnideskNameSpelling(name: string): string {
  if (OMNIDESK_NAME_PATTERN.test(name)) return name // most names: nothing to respell
  return [...name].map(spellCharacter).join('')
}

/** The characters of `name` that no spelling can make acceptable, each listed once. */
export function unacceptableNameCharacters(name: string): string[] {
  return charactersOutsidePattern(omnideskNameSpelling(name))
}

/** The characters of an already respelled name that the pattern refuses, each listed once. */
export function charactersOutsidePattern(spelling: string): string[] {
  if (OMNIDESK_NAME_PATTERN.test(spelling)) return []
  return [...new Set([...spelling].filter((character) => !ALLOWED_CHARACTER.test(character)))]
}
