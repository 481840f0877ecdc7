import { describe, expect, it } from 'vitest'
import {
  describeViolation,
  errorReason,
  itemRefusalMessage,
  parseBulkResponse,
  parseError,
  parseToken,
  schemaRefusalMessage,
  schemaViolations,
} from '#shared/providers/propeller/results.ts'

describe('Propeller response parsing', () => {
  it('reads the documented bulk answers, full and partial', () => {
    expect(
      parseBulkResponse({
        data: [{ action: 'update', id: 25494, key: 3002196, lookupKey: 'sourceId', success: true }],
        messages: ['Completed'],
        total: 1,
      }),
    ).toEqual([{ key: '3002196', success: true, action: 'update', id: '25494' }])
    expect(
      parseBulkResponse({
        data: [
          { action: 'create', id: 25495, key: 'C-1001', lookupKey: 'sourceId', success: true },
          {
            key: 'C-1002',
            lookupKey: 'sourceId',
            success: false,
            error: 'Customer with id [19815] not found',
          },
        ],
      }),
    ).toEqual([
      { key: 'C-1001', success: true, action: 'create', id: '25495' },
      { key: 'C-1002', success: false, error: 'Customer with id [19815] not found' },
    ])
  })

  it('refuses answers it does not understand', () => {
    expect(() => parseBulkResponse({ results: [] })).toThrow(
      expect.objectContaining({ code: 'PROVIDER_PROTOCOL' }),
    )
    expect(() => parseBulkResponse({ data: [{ success: true, action: 'create' }] })).toThrow(
      /does not understand/,
    )
    expect(() => parseBulkResponse({ data: [{ key: 'A', success: true, action: 'merge' }] })).toThrow()
  })

  it('reads tokens, including the legacy string expires_in', () => {
    expect(parseToken({ access_token: 'abc', expires_in: 1800, token_type: 'Bearer' })).toEqual({
      accessToken: 'abc',
      expiresInSeconds: 1800,
    })
    expect(
      parseToken({ access_token: 'abc', expires_in: '1899', token_type: 'BearerToken' }).expiresInSeconds,
    ).toBe(1899)
    expect(parseToken({ access_token: 'abc' }).expiresInSeconds).toBe(1800)
    expect(() => parseToken({})).toThrow()
  })

  it('reads the 10007 error and splits its messages by item', () => {
    const error = parseError({
      error: {
        code: 10007,
        messages: [
          '#/customers/0: extraneous key [company] is not permitted',
          '#/customers/12/addresses/0/country: "UK" is not a valid enum value',
          '#/customers/0/email: [x] is not a valid email address',
          '#/customers: expected maximum item count: 100, found: 101',
        ],
        moreInfo: 'https://www.propel.us/docs/errors/10007',
        status: 400,
        type: 'SchemaValidationException',
      },
    })
    expect(error).toMatchObject({ code: 10007, status: 400, type: 'SchemaValidationException' })
    const { byItem, general } = schemaViolations(error!.messages)
    expect([...byItem.keys()]).toEqual([0, 12])
    expect(byItem.get(0)).toHaveLength(2)
    expect(general).toEqual(['#/customers: expected maximum item count: 100, found: 101'])
    expect(parseError({ message: 'nope' })).toBeNull()
    expect(errorReason(error, 400)).toMatch(/^SchemaValidationException, code 10007: /)
    expect(errorReason(null, 502)).toBe('HTTP 502')
  })

  it('names the field a violation is about, in the words of the column', () => {
    expect(describeViolation('#/customers/0: extraneous key [company] is not permitted')).toEqual({
      field: 'company',
      reason: 'extraneous key [company] is not permitted',
    })
    expect(describeViolation('#/customers/3/addresses/0: required key [city] not found').field).toBe(
      'addresses.0.city',
    )
    expect(describeViolation('#/customers/3/addresses/1/country: "UK" is not a valid enum value').field).toBe(
      'addresses.1.country',
    )
    const message = schemaRefusalMessage([
      '#/customers/3/addresses/0/country: "UK" is not a valid enum value',
    ])
    expect(message).toContain('Address country (addresses.0.country): "UK" is not a valid enum value')
    expect(message).toContain('upload this row again')
    expect(itemRefusalMessage('Customer with id [19815] not found.')).toContain('Check the Customer ID')
  })
})
