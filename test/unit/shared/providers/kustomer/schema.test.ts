import { describe, expect, it } from 'vitest'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { KUSTOMER_CUSTOM } from '#shared/providers/kustomer/schema.ts'
import { getProvider, PROVIDERS } from '#shared/providers/registry.ts'

describe('Kustomer schema', () => {
  it('is registered with its documented limits and no required field', () => {
    expect(getProvider('kustomer')).toBe(kustomer)
    expect(PROVIDERS.kustomer.limits).toEqual({ maxItemsPerRequest: 100, maxBodyBytes: 100_000 })
    expect(kustomer.fields.map((field) => field.key)).toEqual([
      'name',
      'externalId',
      'emails.0.email',
      'phones.0.phone',
      'tags',
      'locale',
    ])
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

  it.each([
    'name',
    'custom.loyaltyTier',
    'custom.loyaltyTierNum',
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
})
