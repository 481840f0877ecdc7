import { describe, expect, it } from 'vitest'
import {
  columnNamed,
  errorBodyMessage,
  isCustomerNotFound,
  parseSearchResponse,
  refusedMessage,
} from '#shared/providers/omnidesk/results.ts'

describe('Omnidesk response readers', () => {
  it('reads a search answer in the list envelope', () => {
    const item = {
      id: 42,
      external_primary_id: 'C-1',
      brand_name: 'B',
      firstname: 'A',
      lastname: 'B',
      channels: [],
    }
    expect(
      parseSearchResponse({ type: 'result', itemStart: 0, itemTotal: 1, itemLimit: 1, items: [item] }),
    ).toEqual({
      found: true,
      id: '42',
    })
    expect(
      parseSearchResponse({ type: 'result', itemStart: 0, itemTotal: 0, itemLimit: 1, items: [] }),
    ).toEqual({
      found: false,
    })
  })

  it('reads a bare customer object as found', () => {
    expect(parseSearchResponse({ id: 7, external_primary_id: 'C-1' })).toEqual({ found: true, id: '7' })
  })

  it('refuses to guess on anything else', () => {
    expect(() => parseSearchResponse({ type: 'result', message: 'ok' })).toThrow(/does not understand/)
    expect(() => parseSearchResponse(null)).toThrow(/does not understand/)
    expect(() => parseSearchResponse({ items: ['x'] })).toThrow(/does not understand/)
  })

  it("reads Omnidesk's error body and tells a missing customer from a missing route", () => {
    expect(errorBodyMessage({ status: 'error', message: ' Customer not found. ' })).toBe(
      'Customer not found.',
    )
    expect(errorBodyMessage('<html>')).toBeNull()
    expect(isCustomerNotFound({ status: 'error', message: 'Customer not found.' })).toBe(true)
    expect(isCustomerNotFound({ status: 'error', message: 'Route not found.' })).toBe(false)
    expect(isCustomerNotFound(null)).toBe(false)
  })

  it('names the column a refusal is about', () => {
    const channels = ['channel.email', 'channel.telephone.2']
    expect(columnNamed('The customerChannelValue_1 field format is invalid.', channels)).toBe('Other phone')
    expect(columnNamed('The firstname field format is invalid.', channels)).toBe('First name')
    expect(columnNamed('The custom_tier may not be greater than 255 characters.', channels)).toBe(
      'custom field custom_tier',
    )
    expect(columnNamed('Something else.', channels)).toBeNull()
    expect(refusedMessage('The customerChannelValue_0 must be a valid email address.', channels)).toBe(
      'Omnidesk refused this row: The customerChannelValue_0 must be a valid email address. Fix the "Email" value in the file and upload this row again.',
    )
    expect(refusedMessage('A customer with primaryID "C-1" already exists for brand 1.', channels)).toMatch(
      /different Customer ID/,
    )
  })
})
