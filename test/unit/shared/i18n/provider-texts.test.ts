import { afterEach, describe, expect, it } from 'vitest'
import { catalogs } from '#shared/i18n/catalogs.ts'
import { setLanguage } from '#shared/i18n/i18n.ts'
import type { Language } from '#shared/i18n/languages.ts'
import {
  catalogSegment,
  connectionChoiceLabel,
  connectionFieldText,
  customFieldText,
  fieldHelp,
  fieldLabel,
  providerTagline,
} from '#shared/i18n/provider-text.ts'
import type { ProviderId } from '#shared/ids.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'

// The providers' texts live in English in each provider's definition and in Polish and Dutch in
// locales/<language>/providers.json, keyed by where the text is used. Nothing ties the two together
// at compile time, so this file does: every translated path must name a text a provider really has
// (a renamed field would otherwise leave a dead translation behind and fall back to English), every
// text a person reads must be translated, and what must not be translated (examples, ids, API
// values) must survive translation unchanged.

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

interface SourceText {
  english: string
  /** Whether a translation must exist (a choice such as `INSTORE` or an example placeholder need not). */
  required: boolean
  /** Labels and headings are short names; taglines, help and choices carry examples and API values. */
  kind: 'label' | 'text'
}

/** Every text of every provider that providers.json can translate, by its catalog path. */
function englishTexts(): Map<string, SourceText> {
  const out = new Map<string, SourceText>()
  const add = (path: string, english: string, required: boolean, kind: SourceText['kind']) =>
    out.set(path, { english, required, kind })
  for (const [id, provider] of Object.entries(PROVIDERS)) {
    add(`${id}.tagline`, provider.tagline, true, 'text')
    for (const field of provider.fields) {
      add(`${id}.fields.${catalogSegment(field.key)}.label`, field.label, true, 'label')
      add(`${id}.fields.${catalogSegment(field.key)}.help`, field.help, true, 'text')
    }
    for (const field of provider.connection.fields) {
      add(`${id}.connection.${field.key}.label`, field.label, true, 'label')
      add(`${id}.connection.${field.key}.help`, field.help, true, 'text')
      // A placeholder is an example value ("acme", "WEBSHOP"); one with words in it must be translated.
      if (field.placeholder !== undefined)
        add(
          `${id}.connection.${field.key}.placeholder`,
          field.placeholder,
          /\s/.test(field.placeholder),
          'text',
        )
      for (const choice of field.choices ?? [])
        add(
          `${id}.connection.${field.key}.choices.${catalogSegment(choice.value)}`,
          choice.label,
          // A choice named by its own API value (INSTORE, loyalty, omnidesk.io) is said as it is.
          choice.label !== choice.value,
          'text',
        )
    }
    if (provider.custom) {
      add(`${id}.custom.label`, provider.custom.label, true, 'label')
      add(`${id}.custom.help`, provider.custom.help, true, 'text')
      for (const type of provider.custom.types ?? [])
        add(`${id}.custom.types.${catalogSegment(type.value)}`, type.label, true, 'label')
    }
  }
  return out
}

const SOURCE = englishTexts()
const TRANSLATED: readonly Language[] = ['pl', 'nl']
const translationsOf = (language: Language) => flatten(catalogs[language].providers as Tree)

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort()

/**
 * What a translator must copy as it is: examples and values with digits (`+14155550100`, `1990-05-01`,
 * `C-1001-INV`), addresses, API names with underscores (`non_loyalty`, `CUSTOMER_READ`) and host names.
 * A `<name>` in a pattern is the one part that is words, so it is left out.
 */
function verbatimTokens(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, '')
    .split(/\s+/)
    .map((word) => word.replace(/^[("“„]+/, '').replace(/[.,;:)"”]+$/, ''))
    .filter((word) => /\d|@|_|:\/\/|[a-z\d]{2,}\.[a-z\d]{2,}/i.test(word))
}

describe('provider texts in Polish and Dutch', () => {
  for (const language of TRANSLATED) {
    it(`${language}: every translated path names a text a provider really has`, () => {
      const stray = [...translationsOf(language).keys()].filter((path) => !SOURCE.has(path))
      expect(stray).toEqual([])
    })

    it(`${language}: every field, connection input, choice, custom-field text and tagline is translated`, () => {
      const translated = translationsOf(language)
      const missing = [...SOURCE]
        .filter(([path, source]) => source.required && !translated.get(path)?.trim())
        .map(([path]) => path)
      expect(missing).toEqual([])
      // Each provider has its own tagline and connection texts: not one of them may be left in English.
      for (const id of Object.keys(PROVIDERS)) {
        expect(translated.get(`${id}.tagline`), `${id}.tagline`).not.toBe(PROVIDERS[id as ProviderId].tagline)
        expect([...translated.keys()].some((path) => path.startsWith(`${id}.connection.`))).toBe(true)
      }
    })

    it(`${language}: keeps the {{placeholders}} of the English and no i18next nesting`, () => {
      const wrong: string[] = []
      for (const [path, text] of translationsOf(language)) {
        const english = SOURCE.get(path)?.english ?? ''
        if (placeholders(text).join() !== placeholders(english).join() || text.includes('$t('))
          wrong.push(path)
      }
      expect(wrong).toEqual([])
    })

    it(`${language}: keeps examples, ids and API values exactly as written`, () => {
      const changed: string[] = []
      for (const [path, text] of translationsOf(language)) {
        const source = SOURCE.get(path)
        if (source?.kind !== 'text') continue
        for (const token of verbatimTokens(source.english))
          if (!text.includes(token)) changed.push(`${path}: ${token}`)
      }
      expect(changed).toEqual([])
    })

    it(`${language}: a help text that names another field in quotes names it as the translation does`, () => {
      const translated = translationsOf(language)
      const mismatched: string[] = []
      for (const [id, provider] of Object.entries(PROVIDERS))
        for (const field of provider.fields)
          for (const other of provider.fields) {
            if (other === field || !field.help.includes(`"${other.label}"`)) continue
            const help = translated.get(`${id}.fields.${catalogSegment(field.key)}.help`) ?? ''
            const label = translated.get(`${id}.fields.${catalogSegment(other.key)}.label`) ?? other.label
            if (!new RegExp(`[„“"]${label}[”"]`).test(help))
              mismatched.push(`${id}.${field.key} → ${other.key}`)
          }
      expect(mismatched).toEqual([])
    })
  }

  it('has found the quoted field names it checks (the check above is not vacuous)', () => {
    const quoting = Object.values(PROVIDERS).flatMap((provider) =>
      provider.fields.filter((field) =>
        provider.fields.some((other) => field.help.includes(`"${other.label}"`)),
      ),
    )
    expect(quoting.length).toBeGreaterThanOrEqual(3)
  })

  it('names Thulium’s fields in Polish exactly as Thulium itself does', () => {
    const translated = translationsOf('pl')
    const different = PROVIDERS.thulium.fields
      .filter((field) => field.nativeLabel !== undefined)
      .filter(
        (field) => translated.get(`thulium.fields.${catalogSegment(field.key)}.label`) !== field.nativeLabel,
      )
      .map((field) => `${field.key}: ${field.nativeLabel}`)
    expect(different).toEqual([])
  })
})

describe('provider texts through the i18n layer', () => {
  afterEach(() => setLanguage('en'))

  it('says the definitions’ own English when the language is English', () => {
    setLanguage('en')
    const kustomer = PROVIDERS.kustomer
    const region = kustomer.connection.fields.find((field) => field.key === 'region')!
    expect(providerTagline(kustomer)).toBe(kustomer.tagline)
    expect(fieldLabel('kustomer', kustomer.fields[0]!)).toBe(kustomer.fields[0]!.label)
    expect(connectionFieldText('kustomer', region, 'help')).toBe(region.help)
    expect(connectionChoiceLabel('kustomer', 'region', region.choices![0]!)).toBe('United States')
    expect(customFieldText('kustomer', 'types.Num', 'Number')).toBe('Number')
  })

  it('speaks Polish: Thulium’s own field names, Kustomer’s regions and custom types, Propeller’s choices', () => {
    setLanguage('pl')
    const thulium = PROVIDERS.thulium
    const surname = thulium.fields.find((field) => field.key === 'surname')!
    expect(fieldLabel('thulium', surname)).toBe('Nazwisko')
    expect(fieldHelp('thulium', surname)).toBe(
      'Nazwisko klienta. Thulium wymaga go dla każdego nowego klienta; w przypadku firmy wpisz tu jej nazwę.',
    )
    const invoiceCity = thulium.fields.find((field) => field.key === 'invoice_address.city')!
    expect(fieldLabel('thulium', invoiceCity)).toBe('Adres do faktur: miasto')
    expect(customFieldText('thulium', 'label', thulium.custom!.label)).toBe('Pole specjalne')

    const region = PROVIDERS.kustomer.connection.fields.find((field) => field.key === 'region')!
    expect(connectionFieldText('kustomer', region, 'label')).toBe('Region')
    expect(region.choices!.map((choice) => connectionChoiceLabel('kustomer', 'region', choice))).toEqual([
      'Stany Zjednoczone',
      'Europa',
      'Indie',
    ])
    expect(customFieldText('kustomer', 'types.Bool', 'Yes/no')).toBe('Tak/nie')

    const existing = PROVIDERS.propeller.connection.fields.find((field) => field.key === 'existing')!
    expect(connectionChoiceLabel('propeller', 'existing', existing.choices![1]!)).toBe(
      'Uzupełnij tylko ich puste pola',
    )
    // A placeholder that is an example value stays as it is in every language.
    const source = PROVIDERS.propeller.connection.fields.find((field) => field.key === 'source')!
    expect(connectionFieldText('propeller', source, 'placeholder')).toBe('WEBSHOP')
  })

  it('speaks Dutch: Propeller’s address fields and Omnidesk’s connection', () => {
    setLanguage('nl')
    const street = PROVIDERS.propeller.fields.find((field) => field.key === 'addresses.1.street')!
    expect(fieldLabel('propeller', street)).toBe('Tweede adres: straat')
    const apiKey = PROVIDERS.omnidesk.connection.fields.find((field) => field.key === 'apiKey')!
    expect(connectionFieldText('omnidesk', apiKey, 'label')).toBe('API-sleutel')
    expect(providerTagline(PROVIDERS.omnidesk)).toMatch(/^Omnichannel klantenservice: /)
    const cluster = PROVIDERS.capillary.connection.fields.find((field) => field.key === 'cluster')!
    expect(connectionChoiceLabel('capillary', 'cluster', cluster.choices![0]!)).toBe(
      'India (apac) — apac.api.capillarytech.com',
    )
  })
})
