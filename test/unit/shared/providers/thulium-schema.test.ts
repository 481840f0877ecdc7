import { describe, expect, it } from 'vitest'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { thulium } from '#shared/providers/thulium/index.ts'
import { THULIUM_CONNECTION, systemNameOf } from '#shared/providers/thulium/connection.ts'
import { THULIUM_CUSTOM } from '#shared/providers/thulium/schema.ts'
import { SAMPLE_HEADERS } from '#shared/samples/sample-customers.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

function matched(headers: readonly string[]): Record<string, string> {
  return Object.fromEntries(autoMatch(headers, thulium).map((m) => [m.field, headers[m.column]!]))
}

describe('Thulium schema', () => {
  it('has every field of seed 003, surname the only required one, each with a Polish name', () => {
    const keys = thulium.fields.map((field) => field.key)
    for (const key of [
      'name',
      'surname',
      'email',
      'phone_number',
      'company_id',
      'type',
      'group',
      'identifier',
      'gender',
      'homepage',
      'birthdate',
      'nip',
      'note',
      'pesel',
      'job',
      'job_title',
      'account_manager',
      'vip',
    ]) {
      expect(keys).toContain(key)
    }
    for (const address of ['address', 'invoice_address', 'mail_drop_address']) {
      for (const part of ['street', 'building', 'flat', 'postcode', 'city', 'country']) {
        expect(keys).toContain(`${address}.${part}`)
      }
    }
    expect(new Set(keys).size).toBe(keys.length)
    expect(thulium.fields.filter((field) => field.required).map((field) => field.key)).toEqual(['surname'])
    expect(thulium.fields.every((field) => field.nativeLabel && field.help.length > 0)).toBe(true)
  })

  it('matches the sample spreadsheet headers that have a home in Thulium', () => {
    expect(matched(SAMPLE_HEADERS)).toEqual({
      identifier: 'Customer ID',
      name: 'First name',
      surname: 'Last name',
      email: 'Email',
      phone_number: 'Phone',
      job: 'Company',
      birthdate: 'Date of birth',
      'address.street': 'Street',
      'address.city': 'City',
      'address.postcode': 'Postal code',
      'address.country': 'Country',
    })
  })

  it('matches Polish headers, and prefixed ones to the invoice and mailing addresses', () => {
    const headers = [
      'Imię',
      'Nazwisko',
      'Telefon',
      'Miasto',
      'Kod pocztowy',
      'Ulica',
      'Płeć',
      'Stanowisko',
      'Adres do faktur miasto',
      'Billing postcode',
      'Korespondencja ulica',
      'NIP',
      'Numer klienta',
    ]
    expect(matched(headers)).toEqual({
      name: 'Imię',
      surname: 'Nazwisko',
      phone_number: 'Telefon',
      'address.city': 'Miasto',
      'address.postcode': 'Kod pocztowy',
      'address.street': 'Ulica',
      gender: 'Płeć',
      job_title: 'Stanowisko',
      'invoice_address.city': 'Adres do faktur miasto',
      'invoice_address.postcode': 'Billing postcode',
      'mail_drop_address.street': 'Korespondencja ulica',
      nip: 'NIP',
      identifier: 'Numer klienta',
    })
  })

  it('keeps custom field names as Thulium shows them', () => {
    expect(THULIUM_CUSTOM.keyFor('  Źródło   kontaktu ')).toBe('custom_fields.Źródło kontaktu')
    expect(THULIUM_CUSTOM.owns('custom_fields.Kraj')).toBe(true)
    expect(THULIUM_CUSTOM.owns('custom_fields.')).toBe(false)
    expect(THULIUM_CUSTOM.owns('surname')).toBe(false)
  })

  it('refuses non-numeric phones and warns about rows without an identifier', () => {
    const issues = validateRecord(thulium, { surname: 'Nowak', phone_number: '555 CALL NOW' })
    expect(issues.map((issue) => [issue.field, issue.severity])).toEqual([
      ['phone_number', 'error'],
      ['identifier', 'warning'],
    ])
    expect(
      validateRecord(thulium, { surname: 'Nowak', identifier: 'C-1', phone_number: '+48 555-666-777' }),
    ).toEqual([])
    expect(validateRecord(thulium, { identifier: 'C-1' }).map((issue) => issue.rule)).toEqual(['required'])
  })
})

describe('Thulium connection', () => {
  it.each([
    ['acme', 'https://acme.thulium.com'],
    ['  ACME.thulium.com ', 'https://acme.thulium.com'],
    ['https://acme.thulium.com/api/', 'https://acme.thulium.com'],
  ])('turns %j into its API address', (subdomain, url) => {
    expect(systemNameOf(subdomain)).toBe(url.slice('https://'.length, -'.thulium.com'.length))
    expect(THULIUM_CONNECTION.baseUrl({ subdomain })).toBe(url)
  })

  it('asks for the API user as a setting and its password as a secret', () => {
    expect(THULIUM_CONNECTION.fields.map((field) => [field.key, field.kind])).toEqual([
      ['subdomain', 'text'],
      ['user', 'text'],
      ['password', 'secret'],
    ])
  })
})
