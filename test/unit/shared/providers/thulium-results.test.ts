import { describe, expect, it } from 'vitest'
import { isAppError } from '#shared/errors.ts'
import {
  errorBodyMessage,
  parseBatchResponse,
  parseLookup,
  refusedMessage,
} from '#shared/providers/thulium/results.ts'

describe('Thulium response parsers', () => {
  it('reads the documented per-position answer', () => {
    const body = {
      '0': { http_status: 201, customer_id: '13' },
      '1': { http_status: 400, message: 'Phone number must be numeric.' },
    }
    expect(parseBatchResponse(body, 3)).toEqual([
      { ok: true, status: 201, customerId: '13' },
      { ok: false, status: 400, message: 'Phone number must be numeric.' },
      undefined,
    ])
  })

  it.each([
    [[{ http_status: 201 }]],
    [{ '2': { http_status: 201, customer_id: '1' } }],
    [{ '0': { customer_id: '1' } }],
    [{ first: { http_status: 201 } }],
    [null],
  ])('refuses an answer that is not about the request: %j', (body) => {
    let caught: unknown
    try {
      parseBatchResponse(body, 2)
    } catch (error) {
      caught = error
    }
    expect(isAppError(caught, 'PROVIDER_PROTOCOL')).toBe(true)
  })

  it('reads customer search results in the forms Thulium may use', () => {
    expect(parseLookup([{ customer_id: '13' }, { customer_id: 14 }])).toEqual(['13', '14'])
    expect(parseLookup({ customers: [{ id: '7' }] })).toEqual(['7'])
    expect(parseLookup([])).toEqual([])
    expect(() => parseLookup([{ name: 'no id' }])).toThrow(/does not understand/)
    expect(() => parseLookup('<html>')).toThrow(/does not understand/)
  })

  it('reads request-level error bodies', () => {
    expect(errorBodyMessage({ http_status: 401, message: 'Unauthorized.' })).toBe('Unauthorized.')
    expect(errorBodyMessage({ errors: ['a', 'b'] })).toBe('a; b')
    expect(errorBodyMessage(null)).toBeNull()
  })

  it('tells the person what to do about a refused row', () => {
    expect(refusedMessage('Phone number must be numeric.')).toBe(
      'Thulium refused this row: Phone number must be numeric. Write the phone number with digits only, e.g. 48555666777.',
    )
    expect(refusedMessage('Customer group "Gold" does not exist.')).toMatch(/group that exists in Thulium/)
  })
})
