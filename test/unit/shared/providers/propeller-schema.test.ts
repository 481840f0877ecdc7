import { describe, expect, it } from 'vitest'
import { formatMessage } from '#shared/i18n/i18n.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import {
  PROPELLER_CONNECTION,
  apiHostOf,
  existingChoiceOf,
  matchByOf,
} from '#shared/providers/propeller/connection.ts'
import { propeller } from '#shared/providers/propeller/index.ts'
import { SAMPLE_HEADERS } from '#shared/samples/sample-customers.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

function matched(headers: readonly string[]): Record<string, string> {
  return Object.fromEntries(autoMatch(headers, propeller).map((m) => [m.field, headers[m.column]!]))
}

function errors(record: Record<string, string>) {
  return validateRecord(propeller, record).filter((issue) => issue.severity === 'error')
}

describe('Propeller schema', () => {
  it('has the customer fields of seed 002 and the address parts of providers.md', () => {
    const keys = propeller.fields.map((field) => field.key)
    for (const key of [
      'sourceId',
      'debtorId',
      'firstName',
      'middleName',
      'lastName',
      'abbreviation',
      'title',
    ]) {
      expect(keys).toContain(key)
    }
    for (const key of ['dateOfBirth', 'gender', 'ssn', 'phone', 'email', 'primaryLanguage'])
      expect(keys).toContain(key)
    for (const part of [
      'type',
      'street',
      'number',
      'numberExtension',
      'postalCode',
      'city',
      'region',
      'country',
    ]) {
      expect(keys).toContain(`addresses.0.${part}`)
      expect(keys).toContain(`addresses.1.${part}`)
    }
    for (const part of [
      'code',
      'company',
      'gender',
      'icp',
      'email',
      'phone',
      'mobile',
      'url',
      'notes',
      'isDefault',
    ]) {
      expect(keys).toContain(`addresses.0.${part}`)
    }
    // The sourceId schema refuses `company` at the top level (seed 002's 400 example).
    expect(keys).not.toContain('company')
    expect(propeller.fields.filter((field) => field.required).map((field) => field.key)).toEqual(['sourceId'])
    expect(new Set(propeller.fields.map((field) => field.label)).size).toBe(propeller.fields.length)
  })

  it('offers the documented enums', () => {
    const options = (key: string) => propeller.fields.find((field) => field.key === key)?.options
    expect(options('gender')).toEqual(['M', 'F', 'U'])
    expect(options('addresses.0.type')).toEqual(['delivery', 'invoice'])
    expect(options('addresses.0.isDefault')).toEqual(['Y', 'N'])
    expect(options('addresses.0.country')).toContain('NL')
    expect(options('addresses.0.country')).not.toContain('UK')
  })

  it('matches the sample spreadsheet headers that have a home in Propeller', () => {
    expect(matched(SAMPLE_HEADERS)).toEqual({
      sourceId: 'Customer ID',
      firstName: 'First name',
      lastName: 'Last name',
      dateOfBirth: 'Date of birth',
      email: 'Email',
      phone: 'Phone',
      primaryLanguage: 'Language',
      'addresses.0.company': 'Company',
      'addresses.0.street': 'Street',
      'addresses.0.postalCode': 'Postal code',
      'addresses.0.city': 'City',
      'addresses.0.country': 'Country',
    })
  })

  it('finds an incomplete address, a wrong country and a wrong language', () => {
    expect(errors({ sourceId: 'A', 'addresses.0.street': 'Kerkstraat' }).map((issue) => issue.field)).toEqual(
      ['addresses.0.city', 'addresses.0.country'],
    )
    expect(formatMessage(errors({ sourceId: 'A', 'addresses.1.city': 'Utrecht' })[0]!.message)).toContain(
      'second address',
    )
    expect(
      errors({
        sourceId: 'A',
        'addresses.0.street': 'S',
        'addresses.0.city': 'C',
        'addresses.0.country': 'UK',
      }),
    ).toMatchObject([{ field: 'addresses.0.country' }])
    expect(
      errors({
        sourceId: 'A',
        'addresses.0.street': 'S',
        'addresses.0.city': 'C',
        'addresses.0.country': 'nl',
      }),
    ).toEqual([])
    expect(errors({ sourceId: 'A', primaryLanguage: 'nld' })).toMatchObject([{ field: 'primaryLanguage' }])
    expect(errors({ sourceId: 'A', primaryLanguage: 'nl_NL', gender: 'f' })).toEqual([])
    expect(errors({ sourceId: 'A', primaryLanguage: 'NL' })).toEqual([])
    expect(errors({ sourceId: 'A', primaryLanguage: 'n1' })).toMatchObject([{ field: 'primaryLanguage' }])
    expect(errors({ firstName: 'Jan' })).toMatchObject([{ field: 'sourceId', rule: 'required' }])
  })

  it('accepts a Propeller customer ID only as a whole number from 1', () => {
    expect(errors({ sourceId: 'A', propellerId: '25494' })).toEqual([])
    expect(errors({ sourceId: 'A', propellerId: ' 25 494 ' })).toEqual([])
    expect(errors({ sourceId: 'A', propellerId: 'P-1' })).toMatchObject([{ field: 'propellerId' }])
    expect(errors({ sourceId: 'A', propellerId: '0' })).toMatchObject([
      { field: 'propellerId', rule: 'propellerId' },
    ])
    expect(formatMessage(errors({ sourceId: 'A', propellerId: '-3' })[0]!.message)).toContain('from 1 up')
    expect(errors({ sourceId: 'A', propellerId: '99999999999999999999' })).toMatchObject([
      { field: 'propellerId', rule: 'propellerId' },
    ])
  })

  it('keeps "Customer ID" for the source id: only Propeller-named headers match the Propeller id', () => {
    expect(matched(['Customer ID', 'Propeller ID'])).toEqual({
      sourceId: 'Customer ID',
      propellerId: 'Propeller ID',
    })
    expect(matched(['Propeller customer ID'])).toEqual({ propellerId: 'Propeller customer ID' })
    expect(matched(['ID'])).toEqual({ sourceId: 'ID' })
  })
})

describe('Propeller connection', () => {
  it('points at https://api.helice.cloud unless another host is given', () => {
    expect(PROPELLER_CONNECTION.baseUrl({})).toBe('https://api.helice.cloud')
    expect(PROPELLER_CONNECTION.baseUrl({ apiHost: 'https://Test.helice.cloud/v2/' })).toBe(
      'https://test.helice.cloud',
    )
    expect(PROPELLER_CONNECTION.baseUrl({ apiHost: 'not a host' })).toBe('https://api.helice.cloud')
    expect(apiHostOf(' api.helice.cloud ')).toBe('api.helice.cloud')
  })

  it('asks for a client id and secret, a source, how to match, and what to do with existing customers', () => {
    const kinds = Object.fromEntries(PROPELLER_CONNECTION.fields.map((field) => [field.key, field.kind]))
    expect(kinds).toEqual({
      apiHost: 'text',
      clientId: 'text',
      clientSecret: 'secret',
      source: 'text',
      matchBy: 'choice',
      existing: 'choice',
    })
    expect(existingChoiceOf({})).toBe('overwrite')
    expect(existingChoiceOf({ existing: 'updateOnly' })).toBe('updateOnly')
    expect(existingChoiceOf({ existing: 'bogus' })).toBe('overwrite')
  })

  it('matches by source id unless set to Propeller customer ID, also for connections saved before', () => {
    const matchBy = PROPELLER_CONNECTION.fields.find((field) => field.key === 'matchBy')!
    expect(matchBy.default).toBe('sourceId')
    expect(matchBy.choices?.map((choice) => choice.value)).toEqual(['sourceId', 'id'])
    expect(matchByOf({})).toBe('sourceId')
    expect(matchByOf({ matchBy: 'id' })).toBe('id')
    expect(matchByOf({ matchBy: 'bogus' })).toBe('sourceId')
  })
})
