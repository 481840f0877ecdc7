import { describe, expect, it } from 'vitest'
import { propeller } from '#shared/providers/propeller/index.ts'
import {
  BULK_BY_ID_PATH,
  BULK_BY_SOURCE_ID_PATH,
  missingPropellerId,
  buildCustomer,
  bulkBody,
  bulkPathFor,
  lookupValueOf,
  planBatches,
  planCustomers,
  propellerIdOf,
} from '#shared/providers/propeller/request.ts'
import { createdByIdWarning, itemRefusalMessage } from '#shared/providers/propeller/results.ts'

// The by-id half of the pure Propeller code: `POST /v2/customers/bulk/id` takes the Propeller id as
// `id` (a number), `sourceId` optionally and `source` only with it (bulk-customers-by-id).

describe('Propeller by id: request', () => {
  it('picks the endpoint from the setting', () => {
    expect(bulkPathFor('id')).toBe(BULK_BY_ID_PATH)
    expect(bulkPathFor('sourceId')).toBe(BULK_BY_SOURCE_ID_PATH)
    expect(BULK_BY_ID_PATH).toBe('/v2/customers/bulk/id')
  })

  it('sends the Propeller customer ID as a number, with the source id and source when given', () => {
    const customer = buildCustomer(
      { propellerId: ' 25 494 ', sourceId: 'C-1', lastName: 'Dijk', email: 'jan@example.nl' },
      'WEBSHOP',
      'id',
    )
    expect(customer).toEqual({
      id: 25494,
      source: 'WEBSHOP',
      sourceId: 'C-1',
      lastName: 'Dijk',
      email: 'jan@example.nl',
    })
    expect(lookupValueOf(customer)).toBe('25494')
    // Without a source id, no source either: the by-id schema wants source only alongside sourceId.
    expect(buildCustomer({ propellerId: '7', lastName: 'Dijk' }, 'WEBSHOP', 'id')).toEqual({
      id: 7,
      lastName: 'Dijk',
    })
  })

  it('never sends the Propeller customer ID to the sourceId endpoint, whose schema is closed', () => {
    const customer = buildCustomer({ propellerId: '25494', sourceId: 'C-1' }, 'WEBSHOP')
    expect(customer).toEqual({ source: 'WEBSHOP', sourceId: 'C-1' })
    expect(lookupValueOf(customer)).toBe('C-1')
  })

  it('reads only whole numbers from 1 as a Propeller customer ID', () => {
    expect(propellerIdOf({ propellerId: '25494' })).toBe(25494)
    expect(propellerIdOf({})).toBeNull()
    expect(propellerIdOf({ propellerId: '0' })).toBeNull()
    expect(propellerIdOf({ propellerId: '12.5' })).toBeNull()
    expect(propellerIdOf({ propellerId: 'P-1' })).toBeNull()
  })

  it('fails rows without a Propeller customer ID when matching by id, and only then', () => {
    const items: { row: number; record: Record<string, string> }[] = [
      { row: 2, record: { sourceId: 'C-2', propellerId: '101' } },
      { row: 3, record: { sourceId: 'C-3' } },
      { row: 4, record: { sourceId: 'C-4', propellerId: 'x' } },
    ]
    const byId = planCustomers(items, { source: 'S', matchBy: 'id' })
    expect(byId.planned.map((item) => [item.row, item.customer.id])).toEqual([[2, 101]])
    expect(byId.refused).toEqual([
      { row: 3, status: 'failed', message: missingPropellerId() },
      { row: 4, status: 'failed', message: missingPropellerId() },
    ])
    expect(missingPropellerId()).toContain('Match customers by')
    const bySourceId = planCustomers(items, { source: 'S' })
    expect(bySourceId.refused).toEqual([])
    expect(bySourceId.planned.map((item) => item.customer.sourceId)).toEqual(['C-2', 'C-3', 'C-4'])
  })

  it('keeps the lookup keys out of skipIfNotEmpty, and sends skipCreate when updating only', () => {
    const customers = [
      buildCustomer({ propellerId: '5', sourceId: 'C-1', email: 'a@example.com' }, 'S', 'id'),
    ]
    expect(bulkBody({ matchBy: 'id', existing: 'fillEmpty' }, customers).directives).toEqual([
      { operation: 'skipIfNotEmpty', fields: ['email'] },
    ])
    expect(bulkBody({ matchBy: 'id', existing: 'updateOnly' }, customers).directives).toEqual([
      { operation: 'skipCreate', fields: [] },
    ])
  })

  it('puts two rows with the same Propeller customer ID in separate requests', () => {
    const item = (row: number, id: string) => ({
      row,
      customer: buildCustomer({ propellerId: id, sourceId: `C-${row}` }, 'S', 'id'),
    })
    const { batches } = planBatches([item(2, '10'), item(3, '11'), item(4, '10')], propeller.limits)
    expect(batches.map((batch) => batch.map((planned) => planned.row))).toEqual([[2, 3], [4]])
  })
})

describe('Propeller by id: messages', () => {
  it('points at the Propeller customer ID when Propeller does not know it', () => {
    const message = itemRefusalMessage('Customer with id [19815] not found', 'id')
    expect(message).toContain('Customer with id [19815] not found')
    expect(message).toContain('Propeller customer ID')
  })

  it('tells a person which id Propeller gave the customer it created', () => {
    const warning = createdByIdWarning('999', '25001')
    expect(warning).toContain('no customer with ID 999')
    expect(warning).toContain('new customer with ID 25001')
  })
})
