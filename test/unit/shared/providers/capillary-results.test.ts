import { describe, expect, it } from 'vitest'
import {
  parseBulkResponse,
  refusedMessage,
  requestErrors,
  warningMessage,
} from '#shared/providers/capillary/results.ts'

describe('capillary response parser', () => {
  it('reads the documented partial-failure envelope element by element', () => {
    const body = {
      response: [
        { entityId: 176671442, createdId: 176671442, result: { id: 176671442 }, errors: [], warnings: [] },
        {
          entityId: 5,
          result: { id: 5 },
          errors: [{}],
          warnings: [{ status: false, code: 8056, message: 'Invalid mobile' }],
        },
        { errors: [{ status: false, code: 3017, message: 'status label invalid' }], warnings: [] },
      ],
      totalCount: 3,
      failureCount: 1,
    }
    expect(parseBulkResponse(body, 3)).toEqual([
      { kind: 'saved', id: '176671442', created: true, warnings: [] },
      { kind: 'saved', id: '5', created: false, warnings: [{ code: 8056, message: 'Invalid mobile' }] },
      { kind: 'refused', errors: [{ code: 3017, message: 'status label invalid' }], warnings: [] },
    ])
  })

  it('throws PROVIDER_PROTOCOL when the answer does not match what was sent', () => {
    expect(() => parseBulkResponse({ response: [] }, 1)).toThrow(
      expect.objectContaining({ code: 'PROVIDER_PROTOCOL' }),
    )
    expect(() => parseBulkResponse({ response: [{ errors: [], warnings: [] }] }, 1)).toThrow(/customer id/)
    expect(() => parseBulkResponse([], 0)).toThrow(/response/)
  })

  it('reads a request refused as a whole', () => {
    expect(
      requestErrors({
        warnings: [],
        errors: [{ status: false, code: 8003, message: 'Invalid source passed' }],
      }),
    ).toEqual([{ code: 8003, message: 'Invalid source passed' }])
    expect(requestErrors({ response: [], errors: [] })).toBeNull()
  })

  it('writes messages a support person can act on', () => {
    expect(refusedMessage([{ code: 8018, message: 'Loyalty to non loyalty' }])).toMatch(
      /Loyalty to non loyalty \(code 8018\)\. .*Set Loyalty type to loyalty/,
    )
    expect(refusedMessage([{ code: 1, message: '' }])).toMatch(/code 1\. Fix the row/)
    expect(warningMessage({ code: 8055, message: 'Invalid email' })).toMatch(/saved without this value/)
  })
})
