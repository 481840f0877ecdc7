// Value maps: the words a file uses for a choice ("Kobieta", "female", "F") turned into the value
// the provider accepts ("F"). Matching ignores case, accents and surrounding spaces, since a person
// who wrote "kobieta" and "Kobieta" meant the same thing.

/** The values a field's value map translates into: its options, or the values it understands best. */
export function choicesOf(field: {
  options?: readonly string[]
  suggestedValues?: readonly string[]
}): readonly string[] {
  return field.options ?? field.suggestedValues ?? []
}

export interface ValueMapEntry {
  from: string
  to: string
}

export const valueKey = (value: string): string =>
  value.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase()

/** A lookup for `values`; a value it does not list is kept as written (validation speaks up). */
export function compileValueMap(values: readonly ValueMapEntry[]): (value: string) => string {
  const lookup = new Map(values.map(({ from, to }) => [valueKey(from), to]))
  return (value) => lookup.get(valueKey(value)) ?? value
}

// What people write for the choices customer platforms ask for, in the languages of our users'
// files (English, Polish, Dutch, German, French, Spanish). A provider's option is recognised by
// the same words, so "F", "f" and "female" options all mean `female`.
const MEANINGS: Readonly<Record<string, readonly string[]>> = {
  female: [
    'f',
    'female',
    'woman',
    'w',
    'k',
    'kobieta',
    'kob',
    'vrouw',
    'v',
    'weiblich',
    'frau',
    'femme',
    'mujer',
    'femenino',
    'ms',
    'mrs',
    'pani',
  ],
  male: [
    'm',
    'male',
    'man',
    'mezczyzna',
    'mężczyzna',
    'men',
    'mannlich',
    'männlich',
    'herr',
    'homme',
    'hombre',
    'masculino',
    'h',
    'mr',
    'pan',
  ],
  unknown: [
    'u',
    'unknown',
    'other',
    'x',
    'inne',
    'nieznana',
    'onbekend',
    'divers',
    'autre',
    'otro',
    'n/a',
    '?',
  ],
  yes: ['y', 'yes', 'true', '1', 't', 'tak', 'ja', 'oui', 'si', 'sí', '✓'],
  no: ['n', 'no', 'false', '0', 'nie', 'nee', 'nein', 'non', '-'],
}

function meaningOf(value: string): string | null {
  const key = valueKey(value)
  for (const [meaning, words] of Object.entries(MEANINGS)) {
    if (words.some((word) => valueKey(word) === key)) return meaning
  }
  return null
}

/**
 * For each distinct value of a column that is not already an accepted option, the option it most
 * likely means: the option spelled the same way, or one with the same meaning in the table above
 * (gender and yes/no words in six languages). Values with no clear match are left for the person.
 */
export function suggestValueMap(distinct: readonly string[], options: readonly string[]): ValueMapEntry[] {
  const byKey = new Map(options.map((option) => [valueKey(option), option]))
  const byMeaning = new Map<string, string[]>()
  for (const option of options) {
    const meaning = meaningOf(option)
    if (meaning) byMeaning.set(meaning, [...(byMeaning.get(meaning) ?? []), option])
  }
  const suggestions: ValueMapEntry[] = []
  const seen = new Set<string>()
  for (const value of distinct) {
    const key = valueKey(value)
    if (key === '' || seen.has(key) || options.includes(value)) continue
    seen.add(key)
    const sameSpelling = byKey.get(key)
    if (sameSpelling) continue // normalised on the way already (case of a choice)
    const meaning = meaningOf(value)
    const candidates = meaning ? (byMeaning.get(meaning) ?? []) : []
    if (candidates.length === 1) suggestions.push({ from: value, to: candidates[0]! })
  }
  return suggestions
}
