import { describe, expect, it } from 'vitest'
import { catalogs, english, NAMESPACES, type Namespace } from '#shared/i18n/catalogs.ts'
import { formatMessage, setLanguage, t } from '#shared/i18n/i18n.ts'
import { LANGUAGES, matchLanguage, type Language } from '#shared/i18n/languages.ts'
import { catalogSegment, fieldHelp, fieldLabel } from '#shared/i18n/provider-text.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'

// The catalogs are checked as a translator's tool would: same keys in every language, every plural
// form the language needs, the same {{placeholders}} as the English, nothing left empty.

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text)
  }
  return out
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Key without its plural suffix → the suffixes it has (empty set: not a plural). */
function baseKeys(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key)
    const base = match ? key.slice(0, match.index) : key
    const forms = out.get(base) ?? new Set<string>()
    if (match) forms.add(match[1]!)
    out.set(base, forms)
  }
  return out
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort()

const flatOf = (language: Language, namespace: Namespace) => flatten(catalogs[language][namespace] as Tree)

describe('catalogs', () => {
  for (const language of LANGUAGES.filter((each) => each !== 'en')) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
    for (const namespace of NAMESPACES.filter((each) => each !== 'providers')) {
      it(`${language}/${namespace}.json has every English sentence, in every plural form ${language} needs`, () => {
        const englishFlat = flatOf('en', namespace)
        const translated = flatOf(language, namespace)
        const englishBases = baseKeys(englishFlat)
        const translatedBases = baseKeys(translated)
        const missing: string[] = []
        const extra = [...translatedBases.keys()].filter((key) => !englishBases.has(key))
        const wrongPlaceholders: string[] = []
        for (const [base, forms] of englishBases) {
          if (!translatedBases.has(base)) {
            missing.push(base)
            continue
          }
          const needed = forms.size > 0 ? categories : []
          for (const form of needed) if (!translated.has(`${base}_${form}`)) missing.push(`${base}_${form}`)
          const englishText = englishFlat.get(forms.size > 0 ? `${base}_other` : base) ?? ''
          const expected = placeholders(englishText).filter((name) => name !== 'count')
          for (const form of forms.size > 0 ? needed : ['']) {
            const text = translated.get(form ? `${base}_${form}` : base)
            if (text === undefined) continue
            const got = placeholders(text).filter((name) => name !== 'count')
            if (got.join() !== expected.join()) wrongPlaceholders.push(`${base}${form ? `_${form}` : ''}`)
          }
        }
        expect({ missing, extra, wrongPlaceholders }).toEqual({
          missing: [],
          extra: [],
          wrongPlaceholders: [],
        })
      })
    }
  }

  it('leaves no sentence empty', () => {
    const empty: string[] = []
    for (const language of LANGUAGES)
      for (const namespace of NAMESPACES)
        for (const [key, text] of flatOf(language, namespace))
          if (text.trim() === '') empty.push(`${language}/${namespace}:${key}`)
    expect(empty).toEqual([])
  })

  it('English plurals have the one and other forms', () => {
    const incomplete: string[] = []
    for (const namespace of NAMESPACES)
      for (const [base, forms] of baseKeys(flatOf('en', namespace)))
        if (forms.size > 0 && !(forms.has('one') && forms.has('other')))
          incomplete.push(`${namespace}:${base}`)
    expect(incomplete).toEqual([])
  })
})

describe('provider texts', () => {
  for (const language of LANGUAGES.filter((each) => each !== 'en')) {
    it(`every provider field has a ${language} label and help`, () => {
      const translated = flatten(catalogs[language].providers as Tree)
      const missing: string[] = []
      for (const [id, provider] of Object.entries(PROVIDERS))
        for (const field of provider.fields)
          for (const part of ['label', 'help'])
            if (!translated.has(`${id}.fields.${catalogSegment(field.key)}.${part}`))
              missing.push(`${id}.fields.${catalogSegment(field.key)}.${part}`)
      expect(missing).toEqual([])
    })
  }

  it('says a field in English where no translation exists, and in Polish where one does', () => {
    const field = PROVIDERS.kustomer.fields[0]!
    setLanguage('en')
    expect(fieldLabel('kustomer', field)).toBe(field.label)
    expect(fieldHelp('kustomer', field)).toBe(field.help)
    setLanguage('pl')
    try {
      const translated = flatten(catalogs.pl.providers as Tree).get(
        `kustomer.fields.${catalogSegment(field.key)}.label`,
      )
      expect(fieldLabel('kustomer', field)).toBe(translated ?? field.label)
    } finally {
      setLanguage('en')
    }
  })
})

describe('the i18n layer', () => {
  it('speaks the chosen language, with Polish plural forms and its number format', () => {
    setLanguage('pl')
    try {
      expect(t('language.label')).toBe('Język')
      expect(formatMessage({ key: 'common:language.system', values: { language: 'Polski' } })).toBe(
        'Język komputera (Polski)',
      )
    } finally {
      setLanguage('en')
    }
    expect(t('language.label')).toBe('Language')
  })

  it('picks the first of the computer’s languages it speaks, else English', () => {
    expect(matchLanguage(['de-DE', 'nl-BE', 'en-US'])).toBe('nl')
    expect(matchLanguage(['pl'])).toBe('pl')
    expect(matchLanguage(['de-DE', 'fr'])).toBe('en')
    expect(matchLanguage([])).toBe('en')
  })

  it('English is the source: its catalogs are the ones the types come from', () => {
    expect(Object.keys(english).sort()).toEqual([...NAMESPACES].sort())
  })
})
