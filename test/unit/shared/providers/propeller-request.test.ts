import { describe, expect, it } from 'vitest'
import { propeller } from '#shared/providers/propeller/index.ts'
import type { PlannedCustomer } from '#shared/providers/propeller/request.ts'
import {
  buildCustomer,
  bulkBody,
  jsonBytes,
  languageCode,
  planBatches,
  tokenRequestBody,
} from '#shared/providers/propeller/request.ts'

describe('Propeller request builder', () => {
  it('builds the seed’s customer object with the source and its addresses', () => {
    const customer = buildCustomer(
      {
        sourceId: 'C-1001',
        firstName: 'Jan',
        middleName: 'van',
        lastName: 'Dijk',
        gender: 'm',
        primaryLanguage: 'nl_NL',
        dateOfBirth: '1985-04-12',
        'addresses.0.type': 'Invoice',
        'addresses.0.street': 'Kerkstraat',
        'addresses.0.number': '34',
        'addresses.0.city': 'Utrecht',
        'addresses.0.country': 'nl',
        'addresses.0.isDefault': 'y',
        'addresses.1.street': 'Dorpsweg 1',
        'addresses.1.city': 'Zeist',
        'addresses.1.country': 'NL',
        'custom.something': 'never sent',
        Tags: 'never sent',
      },
      'MY_SHEET',
    )
    expect(customer).toEqual({
      source: 'MY_SHEET',
      sourceId: 'C-1001',
      firstName: 'Jan',
      middleName: 'van',
      lastName: 'Dijk',
      gender: 'M',
      primaryLanguage: 'NL',
      dateOfBirth: '1985-04-12',
      addresses: [
        {
          type: 'invoice',
          street: 'Kerkstraat',
          number: '34',
          city: 'Utrecht',
          country: 'NL',
          isDefault: 'Y',
        },
        { type: 'invoice', street: 'Dorpsweg 1', city: 'Zeist', country: 'NL' },
      ],
    })
  })

  it('defaults the address type to delivery for the first address and invoice for the second', () => {
    const only = buildCustomer(
      { sourceId: 'A', 'addresses.0.street': 'S', 'addresses.0.city': 'C', 'addresses.0.country': 'NL' },
      'X',
    )
    expect(only['addresses']).toEqual([{ type: 'delivery', street: 'S', city: 'C', country: 'NL' }])
    const second = buildCustomer({ sourceId: 'A', 'addresses.1.street': 'S' }, 'X')
    expect(second['addresses']).toEqual([{ type: 'invoice', street: 'S' }])
    expect(buildCustomer({ sourceId: 'A' }, 'X')).toEqual({ source: 'X', sourceId: 'A' })
  })

  it('adds the documented directives for the connection’s choice', () => {
    const customers = [buildCustomer({ sourceId: 'A', email: 'a@example.com', lastName: 'Dijk' }, 'X')]
    expect(bulkBody({}, customers)).toEqual({ customers })
    expect(bulkBody({ existing: 'updateOnly' }, customers).directives).toEqual([
      { operation: 'skipCreate', fields: [] },
    ])
    expect(bulkBody({ existing: 'fillEmpty' }, customers).directives).toEqual([
      { operation: 'skipIfNotEmpty', fields: ['email', 'lastName'] },
    ])
  })

  it('form-encodes the client-credentials grant', () => {
    expect(tokenRequestBody('my id', 's&cret')).toBe(
      'grant_type=client_credentials&client_id=my+id&client_secret=s%26cret',
    )
    expect(languageCode(' en-GB')).toBe('EN')
  })
})

describe('Propeller batch planning', () => {
  const item = (row: number, sourceId = `C-${row}`, extra: Record<string, string> = {}): PlannedCustomer => ({
    row,
    customer: buildCustomer({ sourceId, ...extra }, 'X'),
  })

  it('cuts at the item limit and keeps row order', () => {
    const items = Array.from({ length: 250 }, (_, index) => item(index + 2))
    const { batches, tooLarge } = planBatches(items, propeller.limits)
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50])
    expect(batches.flat().map((planned) => planned.row)).toEqual(items.map((planned) => planned.row))
    expect(tooLarge).toEqual([])
  })

  it('cuts at the byte limit with room for directives, and sets aside rows too large alone', () => {
    const limits = { maxItemsPerRequest: 100, maxBodyBytes: 4_000 }
    const items = Array.from({ length: 6 }, (_, index) =>
      item(index + 2, undefined, { title: 'x'.repeat(600) }),
    )
    items.push(item(9, undefined, { title: 'y'.repeat(5_000) }))
    const { batches, tooLarge } = planBatches(items, limits)
    expect(tooLarge.map((planned) => planned.row)).toEqual([9])
    for (const batch of batches) {
      const body = bulkBody(
        { existing: 'fillEmpty' },
        batch.map((planned) => planned.customer),
      )
      expect(jsonBytes(body)).toBeLessThanOrEqual(limits.maxBodyBytes)
    }
    expect(batches.flat()).toHaveLength(6)
  })

  it('never puts two rows with the same Customer ID in one request', () => {
    const { batches } = planBatches(
      [item(2, 'A'), item(3, 'B'), item(4, 'A'), item(5, 'C')],
      propeller.limits,
    )
    expect(batches.map((batch) => batch.map((planned) => planned.row))).toEqual([
      [2, 3],
      [4, 5],
    ])
  })
})
