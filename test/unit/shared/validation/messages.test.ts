import { afterEach, describe, expect, it } from 'vitest'
import { formatMessage, i18n, setLanguage } from '#shared/i18n/i18n.ts'
import { LANGUAGES } from '#shared/i18n/languages.ts'
import type { Message } from '#shared/i18n/message.ts'
import { describeCode, refusedMessage as capillaryRefused } from '#shared/providers/capillary/results.ts'
import { missingPropellerId } from '#shared/providers/propeller/request.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { refusedMessage as thuliumRefused } from '#shared/providers/thulium/results.ts'
import type {
  FieldIssue,
  FieldType,
  MappedRecord,
  ProviderDefinition,
  ProviderField,
} from '#shared/providers/types.ts'
import { checkMaxLength } from '#shared/validation/rules.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

// Validation findings are catalog keys until someone reads them. These tests walk every rule with
// values it refuses, on every provider, and hold each key to the catalogs: it exists, and it reads
// as a finished sentence in every language (no key, no {{placeholder}}, no unresolved $t(...)).

afterEach(() => setLanguage('en'))

/** A value each field type refuses. */
const BAD_VALUE: Record<FieldType, string> = {
  text: 'x'.repeat(5000),
  email: 'ann@@example',
  phone: '555 (call after 5)',
  locale: 'English please',
  list: 'x'.repeat(5000),
  number: 'twelve',
  integer: '12.5',
  date: '31/02/2024',
  datetime: 'yesterday',
  boolean: 'maybe',
  url: 'javascript:alert(1)',
  enum: 'none of these',
}

const FIELD_TYPES = Object.keys(BAD_VALUE) as FieldType[]

/** A hand-made provider with one required field of every type, so every generic rule is reached. */
const EVERY_TYPE: ProviderDefinition = {
  ...PROVIDERS.kustomer,
  id: 'kustomer',
  displayName: 'Every type',
  custom: null,
  checkRecord: undefined,
  fields: FIELD_TYPES.map((type): ProviderField => ({
    key: `every.${type}`,
    label: `Label of "${type}" (x)`,
    group: 'other',
    type,
    required: true,
    help: '',
    aliases: [],
    maxLength: 10,
    ...(type === 'enum' ? { options: ['a', 'b'] } : {}),
  })),
}

/** Rows each provider-specific rule refuses or warns about. */
const PROVIDER_ROWS: Record<keyof typeof PROVIDERS, MappedRecord[]> = {
  kustomer: [
    {
      'locations.0.countryCode': 'Poland',
      timeZone: 'Mars/Olympus',
      gender: 'unknown',
      'socials.0.username': 'ada',
      'sentiment.polarity': '1',
      'emails.0.type': 'home',
      'emails.1.type': 'work',
      'phones.0.type': 'mobile',
      'phones.1.type': 'home',
      'locations.0.type': 'home',
      'urls.0.type': 'blog',
      'custom.spendNum': 'a lot',
      'custom.seenAt': 'soon',
      'custom.optInBool': 'perhaps',
      'custom.profileUrl': 'nowhere',
      'custom.noteStr': 'x'.repeat(2000),
    },
    { 'socials.0.type': 'twitter', 'sentiment.confidence': '0.5' },
  ],
  capillary: [
    {
      createDate: '2016-06-23',
      firstName: `${'Ann'.repeat(40)}!`,
      lastName: 'Smith (the 2nd)',
      'associationDetails.parentExternalId': 'P-1',
    },
    { 'identifiers.email': 'ann<at>example.com' },
  ],
  thulium: [{ phone_number: 'call me', name: 'Ann' }],
  omnidesk: [{ firstname: 'Jan 3rd,', lastname: 'Łukasz' }],
  propeller: [
    {
      sourceId: 'A',
      'addresses.0.city': 'Utrecht',
      'addresses.1.street': 'Main 1',
      propellerId: '-3',
      primaryLanguage: 'Dutch',
    },
  ],
}

function everyIssue(): FieldIssue[] {
  const issues: FieldIssue[] = []
  const badRow = Object.fromEntries(EVERY_TYPE.fields.map((field) => [field.key, BAD_VALUE[field.type]]))
  issues.push(...validateRecord(EVERY_TYPE, badRow), ...validateRecord(EVERY_TYPE, {}))
  for (const [id, rows] of Object.entries(PROVIDER_ROWS)) {
    const provider = PROVIDERS[id as keyof typeof PROVIDERS]
    const typed = Object.fromEntries(provider.fields.map((field) => [field.key, BAD_VALUE[field.type]]))
    issues.push(...validateRecord(provider, typed), ...validateRecord(provider, {}))
    for (const row of rows) issues.push(...validateRecord(provider, row))
  }
  return issues
}

describe('validation messages', () => {
  const issues = everyIssue()

  it('reaches every rule, generic and provider-specific', () => {
    const rules = new Set(issues.map((issue) => issue.rule))
    const expected = [
      ...['required', 'maxLength', ...FIELD_TYPES.filter((type) => type !== 'text' && type !== 'list')],
      ...['countryCode', 'timeZone', 'gender', 'socialType', 'sentiment', 'orphanType'],
      ...['customNum', 'customAt', 'customBool', 'customUrl'],
      ...['identifier', 'capillaryEmail', 'capillaryDate', 'capillaryName', 'association'],
      ...['omnideskName', 'omnideskNameSpelling', 'address', 'propellerId', 'language', 'phone'],
    ]
    expect(expected.filter((rule) => !rules.has(rule))).toEqual([])
  })

  it('gives every finding a key of the validation catalog', () => {
    const missing = issues
      .map((issue) => issue.message)
      .filter((said) => !said.key.startsWith('validation:') || !i18n.exists(said.key, { ...said.values }))
    expect(missing).toEqual([])
  })

  for (const language of LANGUAGES) {
    it(`says every finding as a finished sentence in ${language}`, () => {
      setLanguage(language)
      const unfinished = new Map<string, string>()
      for (const { message } of issues) {
        const text = formatMessage(message)
        if (text === message.key || /\{\{|\$t\(|validation:/.test(text) || text.trim() === '')
          unfinished.set(message.key, text)
      }
      expect([...unfinished]).toEqual([])
    })
  }

  it('keeps the English as it was written', () => {
    const said = (found: Message | null) => (found ? formatMessage(found) : null)
    expect(said(checkMaxLength('x'.repeat(1500), 1024))).toBe(
      'This value is 1500 characters long; the limit is 1024. Shorten it.',
    )
    const required = validateRecord(EVERY_TYPE, {}).find((issue) => issue.field === 'every.email')!
    expect(formatMessage(required.message)).toBe(
      'Label of "email" (x) is required by Every type. Fill it in or map a column to it.',
    )
  })
})

describe('validation messages in Polish', () => {
  it('counts characters with Polish plural forms and number format', () => {
    setLanguage('pl')
    expect(formatMessage(checkMaxLength('abcd', 3)!)).toBe('Ta wartość ma 4 znaki; limit to 3. Skróć ją.')
    expect(formatMessage(checkMaxLength('x'.repeat(25), 3)!)).toBe(
      'Ta wartość ma 25 znaków; limit to 3. Skróć ją.',
    )
    // Polish groups thousands with a (non-breaking) space from five digits on.
    expect(formatMessage(checkMaxLength('x'.repeat(12_000), 10_000)!)).toBe(
      'Ta wartość ma 12\u00a0000 znaków; limit to 10\u00a0000. Skróć ją.',
    )
  })

  it('quotes values with Polish quotation marks and names the field as the screens do', () => {
    const [email] = validateRecord(PROVIDERS.kustomer, { 'emails.0.email': 'ann@@example' })
    const [surname] = validateRecord(PROVIDERS.thulium, { name: 'Ann', identifier: 'C-1' })
    setLanguage('pl')
    expect(formatMessage(email!.message)).toBe(
      '„ann@@example” nie jest prawidłowym adresem e-mail. Powinien wyglądać jak name@example.com.',
    )
    const label = i18n.t('providers:thulium.fields.surname.label', { defaultValue: 'Last name' })
    expect(formatMessage(surname!.message)).toBe(
      `Pole „${label}” jest wymagane przez Thulium. Uzupełnij je lub przypisz do niego kolumnę.`,
    )
  })

  it('says a finding in the language chosen when it is read, not when the row was checked', () => {
    const [issue] = validateRecord(PROVIDERS.propeller, { sourceId: 'A', 'addresses.1.city': 'Utrecht' })
    setLanguage('pl')
    expect(formatMessage(issue!.message)).toMatch(/^Drugi adres nie ma ulicy\. .*uzupełnij ulicę/)
    setLanguage('nl')
    expect(formatMessage(issue!.message)).toMatch(/^Het tweede adres heeft geen straat\. .*vul de straat in/)
    setLanguage('en')
    expect(formatMessage(issue!.message)).toMatch(/^The second address has no street\./)
  })

  it('puts provider refusals into Polish around the provider’s own words', () => {
    setLanguage('pl')
    expect(thuliumRefused('Phone number must be numeric.')).toBe(
      'Thulium odrzucił ten wiersz: Phone number must be numeric. Wpisz numer telefonu samymi cyframi, np. 48555666777.',
    )
    expect(describeCode({ code: 8056, message: 'Invalid mobile' })).toBe('Invalid mobile (kod 8056)')
    expect(capillaryRefused([{ code: 1, message: '' }])).toBe(
      'Capillary odrzucił ten wiersz: kod 1. Popraw wiersz w pliku i prześlij go ponownie.',
    )
    expect(missingPropellerId()).toMatch(/^Ten wiersz nie ma prawidłowego identyfikatora klienta Propeller/)
  })
})
