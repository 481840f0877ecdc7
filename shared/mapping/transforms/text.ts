import type { CaseStyle, NamePart } from './transform.ts'

// Text transforms: what people fix by hand in a spreadsheet before an import, done on the way.

export const collapseSpaces = (value: string): string => value.replace(/\s+/g, ' ').trim()

/** "jan KOWALSKI-nowak" → "Jan Kowalski-Nowak" in title case: every word and hyphenated part. */
export function changeCase(value: string, style: CaseStyle): string {
  if (style === 'upper') return value.toLocaleUpperCase()
  if (style === 'lower') return value.toLocaleLowerCase()
  return value
    .toLocaleLowerCase()
    .replace(
      /(^|[\s\-'’])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toLocaleUpperCase(),
    )
}

/**
 * A part of a personal name. "Kowalski, Jan" (family name first, as many exports write it) is read
 * as "Jan Kowalski". The family name is the last word with its particles ("de Vries"); everything
 * before it is the given name, so "Anna Maria Nowak" gives "Anna Maria" and "Nowak" with
 * `allButLast` and `last`. (`first` and `allButFirst` cut at the first word, whatever it is.)
 */
export function namePart(value: string, part: NamePart): string {
  const comma = value.indexOf(',')
  const ordered = comma === -1 ? value : `${value.slice(comma + 1)} ${value.slice(0, comma)}`
  const words = ordered.split(/\s+/).filter((word) => word !== '')
  if (words.length === 0) return ''
  const family = familyNameStart(words)
  switch (part) {
    case 'first':
      return words[0]!
    case 'allButFirst':
      return words.slice(1).join(' ')
    case 'allButLast':
      return words.slice(0, family).join(' ')
    case 'last':
      return words.slice(family).join(' ')
  }
}

// Words that belong to the family name that follows them: "Jan de Vries", "Ludwig van der Berg",
// "Maria dos Santos". Lower case only, since "De" or "Van" with a capital may be a given name.
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ten',
  'ter',
  'te',
  'von',
  'zu',
  'vom',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'du',
  'del',
  'della',
  'la',
  'le',
  'y',
  "d'",
  'al',
  'bin',
  'ibn',
])

/** Where the family name starts: the last word with its particles. A single word is a given name. */
function familyNameStart(words: readonly string[]): number {
  if (words.length === 1) return 1
  let start = words.length - 1
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--
  return start
}

/** The `index`-th piece of `value` cut at `separator`, trimmed; empty when there are fewer pieces. */
export function splitPart(value: string, separator: string, index: number): string {
  return (value.split(separator)[index] ?? '').trim()
}
