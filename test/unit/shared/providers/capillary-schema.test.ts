import { describe, expect, it } from 'vitest'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { capillary } from '#shared/providers/capillary/index.ts'
import { CAPILLARY_CONNECTION } from '#shared/providers/capillary/connection.ts'
import { SAMPLE_HEADERS } from '#shared/samples/sample-customers.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

describe('capillary schema and checks', () => {
  it('matches the sample headers that have a home in Capillary', () => {
    const matched = Object.fromEntries(
      autoMatch(SAMPLE_HEADERS, capillary).map((s) => [SAMPLE_HEADERS[s.column], s.field]),
    )
    expect(matched).toEqual({
      'Customer ID': 'identifiers.externalId',
      Phone: 'identifiers.mobile',
      Email: 'identifiers.email',
      'First name': 'firstName',
      'Last name': 'lastName',
      'Date of birth': 'extendedFields.dob',
      City: 'extendedFields.city',
      'Postal code': 'extendedFields.zip',
      Country: 'extendedFields.country_of_residence',
      Language: 'extendedFields.preferred_language',
    })
    expect(capillary.custom?.keyFor('Loyalty tier')).toBe('fields.loyalty_tier')
  })

  it('requires at least one identifier and Capillary formats for email and registration date', () => {
    const rules = (record: Record<string, string>) =>
      validateRecord(capillary, record).map((issue) => `${issue.severity}:${issue.rule}`)
    expect(rules({ firstName: 'Ada' })).toEqual(['error:identifier'])
    expect(rules({ 'identifiers.email': 'ad\u00e9@example.com' })).toContain('error:capillaryEmail')
    expect(rules({ 'identifiers.externalId': 'A', createDate: '2016-06-23T19:11:18Z' })).toEqual([
      'error:capillaryDate',
    ])
    expect(rules({ 'identifiers.externalId': 'A', createDate: '2016-06-23T19:11:18+08:00' })).toEqual([])
    expect(rules({ 'identifiers.externalId': 'A', firstName: 'Ann (VIP)' })).toEqual([
      'warning:capillaryName',
    ])
    expect(rules({ 'identifiers.externalId': 'A', lastName: "O'Connor-Łukasz" })).toEqual([])
  })

  it('offers the documented cluster hosts and builds an https base URL', () => {
    expect(CAPILLARY_CONNECTION.baseUrl({ cluster: 'us.api.capillarytech.com' })).toBe(
      'https://us.api.capillarytech.com',
    )
    expect(CAPILLARY_CONNECTION.baseUrl({ cluster: 'evil.example.com' })).toBe(
      'https://eu.api.capillarytech.com',
    )
  })
})
