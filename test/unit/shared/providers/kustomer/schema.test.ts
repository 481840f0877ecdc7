import { describe, expect, it } from 'vitest'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { customKeyFor, parseCustomKey } from '#shared/providers/kustomer/custom-attributes.ts'
import { CUSTOM_SUFFIXES, KUSTOMER_CUSTOM } from '#shared/providers/kustomer/schema.ts'
import { SAMPLE_HEADERS } from '#shared/samples/sample-customers.ts'
import { getProvider, PROVIDERS } from '#shared/providers/registry.ts'

describe('Kustomer schema', () => {
  it('is registered with its documented limits and no required field', () => {
    expect(getProvider('kustomer')).toBe(kustomer)
    expect(PROVIDERS.kustomer.limits).toEqual({ maxItemsPerRequest: 100, maxBodyBytes: 100_000 })
    const keys = kustomer.fields.map((field) => field.key)
    expect(keys).toEqual(
      expect.arrayContaining(['name', 'externalId', 'emails.0.email', 'phones.0.phone', 'tags', 'locale']),
    )
    expect(new Set(keys).size).toBe(keys.length)
    expect(kustomer.fields.every((field) => !field.required && field.help.length > 0)).toBe(true)
  })

  it.each([
    ['Loyalty tier', 'custom.loyaltyTierStr'],
    ['loyalty_tier', 'custom.loyaltyTierStr'],
    ['Préférence de contact', 'custom.preferenceDeContactStr'],
    ['  Last order (EUR)!', 'custom.lastOrderEurStr'],
    ['2024 spend', 'custom.field2024SpendStr'],
    ['NPS', 'custom.npsStr'],
    ['???', 'custom.fieldStr'],
  ])('makes the custom key of "%s"', (header, key) => {
    expect(KUSTOMER_CUSTOM.keyFor(header)).toBe(key)
    expect(KUSTOMER_CUSTOM.owns(key)).toBe(true)
  })

  it.each(CUSTOM_SUFFIXES)('owns custom attributes of type %s, named by the chosen type', (suffix) => {
    const key = customKeyFor('Lifetime value', suffix)
    expect(key).toBe(`custom.lifetimeValue${suffix}`)
    expect(KUSTOMER_CUSTOM.owns(key)).toBe(true)
    expect(parseCustomKey(key)).toEqual({ name: `lifetimeValue${suffix}`, suffix })
  })

  it('reads the suffix at the very end of the name', () => {
    expect(parseCustomKey('custom.lastVisitAtStr')).toEqual({ name: 'lastVisitAtStr', suffix: 'Str' })
    expect(parseCustomKey('custom.Num')).toBeNull()
    expect(parseCustomKey('name')).toBeNull()
  })

  it.each([
    'name',
    'custom.loyaltyTier',
    'custom.loyaltyTierInt',
    'custom.loyaltyTierstr',
    'custom.2tierStr',
    'custom.a-bStr',
    'custom.Str',
  ])('does not own %s', (key) => {
    expect(KUSTOMER_CUSTOM.owns(key)).toBe(false)
  })

  it('auto-matches common header names', () => {
    const headers = ['Customer Name', 'E-mail Address', 'Mobile', 'CRM ID', 'Labels', 'Language']
    const matched = Object.fromEntries(autoMatch(headers, kustomer).map((m) => [m.field, headers[m.column]]))
    expect(matched).toEqual({
      name: 'Customer Name',
      'emails.0.email': 'E-mail Address',
      'phones.0.phone': 'Mobile',
      externalId: 'CRM ID',
      tags: 'Labels',
      locale: 'Language',
    })
  })

  it('auto-matches second emails and phones, address codes and gender', () => {
    const headers = ['Email 2', 'Secondary phone', 'State code', 'Sex', 'Birthdate']
    const matched = Object.fromEntries(autoMatch(headers, kustomer).map((m) => [m.field, headers[m.column]]))
    expect(matched).toEqual({
      'emails.1.email': 'Email 2',
      'phones.1.phone': 'Secondary phone',
      'locations.0.regionCode': 'State code',
      gender: 'Sex',
      birthdayAt: 'Birthdate',
    })
  })

  it('matches every sample header that has a home in Kustomer, and leaves the rest alone', () => {
    const matched = Object.fromEntries(
      autoMatch(SAMPLE_HEADERS, kustomer).map((m) => [SAMPLE_HEADERS[m.column], m.field]),
    )
    expect(matched).toEqual({
      'Customer ID': 'externalId',
      'Full name': 'name',
      Email: 'emails.0.email',
      Phone: 'phones.0.phone',
      Street: 'locations.0.address',
      City: 'locations.0.cityName',
      'Postal code': 'locations.0.zipCode',
      Country: 'locations.0.countryCode',
      Language: 'locale',
      Tags: 'tags',
      'Date of birth': 'birthdayAt',
    })
  })

  it('offers the documented kinds of emails, phones, addresses, social profiles and websites', () => {
    const options = (key: string) => kustomer.fields.find((field) => field.key === key)?.options
    expect(options('emails.0.type')).toEqual(['home', 'work', 'other'])
    expect(options('phones.0.type')).toEqual(['mobile', 'home', 'work', 'fax', 'other'])
    expect(options('locations.0.type')).toEqual(['home', 'work', 'other'])
    expect(options('socials.0.type')).toEqual(['twitter', 'facebook', 'instagram', 'linkedin', 'pinterest'])
    expect(options('urls.0.type')).toEqual(['website', 'blog', 'other'])
    expect(options('emails.1.type')).toEqual(['home', 'work', 'other'])
    expect(options('phones.1.type')).toEqual(['mobile', 'home', 'work', 'fax', 'other'])
    expect(options('sentiment.polarity')).toEqual(['-1', '0', '1'])
  })
})
