import { describe, expect, it } from 'vitest'
import {
  errorBodyMessage,
  parseBatchResults,
  parseCustomerId,
  parseCustomerPage,
  parseFoundCustomer,
  parseBulkProgress,
  parseSubmitResponse,
} from '#shared/providers/kustomer/results.ts'

const PROTOCOL = { code: 'PROVIDER_PROTOCOL', message: expect.stringContaining('Kustomer') }

describe('Kustomer response parsers', () => {
  it('reads the bulk id of a submit', () => {
    expect(parseSubmitResponse({ data: { type: 'bulk', id: 'abc', attributes: { status: 'queued' } } })).toBe(
      'abc',
    )
    expect(() => parseSubmitResponse({ data: { type: 'bulk' } })).toThrow(expect.objectContaining(PROTOCOL))
    expect(() => parseSubmitResponse('ok')).toThrow(expect.objectContaining(PROTOCOL))
  })

  it('reads bulk progress in the attributes envelope and the bare one', () => {
    expect(
      parseBulkProgress({
        data: {
          id: 'a',
          type: 'bulk',
          attributes: { status: 'running', batches: { complete: 1, total: 3 } },
        },
      }),
    ).toEqual({ status: 'running', batchesComplete: 1, batchesTotal: 3 })
    expect(parseBulkProgress({ data: { id: 'a', status: 'complete' } })).toMatchObject({ status: 'complete' })
    expect(() => parseBulkProgress({ data: { attributes: { status: 'done' } } })).toThrow(
      expect.objectContaining(PROTOCOL),
    )
    expect(() => parseBulkProgress(null)).toThrow(expect.objectContaining(PROTOCOL))
  })

  const results = [
    { _clientRef: 'row-2', objectId: 'c1', status: 'created' },
    { _clientRef: 'row-3', objectId: 'c2', status: 'updated' },
    { _clientRef: 'row-4', status: 'error', error: 'duplicate detected' },
    { _clientRef: 'row-5', status: 'error', error: 'emails.0.email: "bob@@x" is not a valid email address' },
  ]
  const expected = [
    { row: 2, status: 'created', id: 'c1' },
    { row: 3, status: 'updated', id: 'c2' },
    {
      row: 4,
      status: 'failed',
      message: expect.stringMatching(/duplicate detected.*External ID/),
      duplicate: true,
    },
    { row: 5, status: 'failed', message: expect.stringContaining('"bob@@x" is not a valid email address') },
  ]

  it('reads per-row results from the JSON:API envelope', () => {
    expect(
      parseBatchResults({ data: [{ type: 'bulk_batch', attributes: { status: 'complete', results } }] }),
    ).toEqual(expected)
  })

  it('reads per-row results from the flat array form', () => {
    expect(
      parseBatchResults([
        { status: 'complete', results: results.slice(0, 2) },
        { status: 'complete', results: results.slice(2) },
      ]),
    ).toEqual(expected)
  })

  it.each([
    ['no list', { data: {} }],
    ['results not a list', { data: [{ attributes: { results: 'x' } }] }],
    ['a result without _clientRef', [{ results: [{ status: 'created', objectId: 'x' }] }]],
    ['a foreign _clientRef', [{ results: [{ _clientRef: 'abc', status: 'created', objectId: 'x' }] }]],
    ['created without an id', [{ results: [{ _clientRef: 'row-2', status: 'created' }] }]],
    ['an unknown status', [{ results: [{ _clientRef: 'row-2', status: 'skipped' }] }]],
  ])('refuses batches with %s', (_, body) => {
    expect(() => parseBatchResults(body)).toThrow(expect.objectContaining(PROTOCOL))
  })

  it('reads Kustomer error bodies', () => {
    expect(
      errorBodyMessage({
        errors: [{ status: '400', title: 'Bad Request', detail: 'body must be an array' }],
      }),
    ).toBe('body must be an array')
    expect(errorBodyMessage({ errors: [{ title: 'Unauthorized' }, { title: 'Unauthorized' }] })).toBe(
      'Unauthorized',
    )
    expect(errorBodyMessage({ message: 'Too many requests' })).toBe('Too many requests')
    expect(errorBodyMessage('<html>')).toBeNull()
    expect(errorBodyMessage({ errors: [{}] })).toBeNull()
  })
})

describe('duplicates and lookups', () => {
  it('marks a create refused as a duplicate, so the row can be updated instead', () => {
    const results = [
      { _clientRef: 'row-2', status: 'error', error: 'duplicate detected' },
      { _clientRef: 'row-3', status: 'error', error: 'emails.0.email: invalid' },
    ]
    const outcomes = parseBatchResults([{ status: 'complete', results }])
    expect(outcomes.map((outcome) => [outcome.row, outcome.duplicate ?? false])).toEqual([
      [2, true],
      [3, false],
    ])
  })

  it('reads the Kustomer id of a looked-up customer, and refuses an answer without one', () => {
    expect(parseCustomerId({ data: { type: 'customer', id: '5f8efdd5d3de932f344ca367' } })).toBe(
      '5f8efdd5d3de932f344ca367',
    )
    expect(() => parseCustomerId({ data: { type: 'customer' } })).toThrow(/does not understand/)
  })

  it('reads what a lookup needs: id, External ID and emails in lower case', () => {
    const data = {
      type: 'customer',
      id: 'c1',
      attributes: { externalId: 'CRM-1', emails: [{ email: 'Ada@Example.com' }, { type: 'work' }] },
    }
    expect(parseFoundCustomer({ data })).toEqual({
      id: 'c1',
      externalId: 'CRM-1',
      emails: ['ada@example.com'],
    })
    expect(parseFoundCustomer({ data: { id: 'c2' } })).toEqual({ id: 'c2', emails: [] })
  })

  it('reads a page of customers and whether it links a next one, and refuses one that is not a list', () => {
    expect(
      parseCustomerPage({
        data: [
          { id: 'c1', attributes: { externalId: 'A' } },
          { id: 'c2', attributes: {} },
        ],
        links: { next: '/v1/customers?page=2&pageSize=100' },
      }),
    ).toEqual({
      customers: [
        { id: 'c1', externalId: 'A', emails: [] },
        { id: 'c2', emails: [] },
      ],
      linksNext: true,
    })
    expect(parseCustomerPage({ data: [], links: { next: null } })).toEqual({
      customers: [],
      linksNext: false,
    })
    expect(parseCustomerPage({ data: [] })).toEqual({ customers: [], linksNext: false })
    expect(() => parseCustomerPage({ data: {} })).toThrow(expect.objectContaining(PROTOCOL))
    expect(() => parseCustomerPage({ data: [{ type: 'customer' }] })).toThrow(
      expect.objectContaining(PROTOCOL),
    )
  })
})
