import { describe, expect, it } from 'vitest'
import { thulium } from '#shared/providers/thulium/index.ts'
import type { ThuliumCustomer } from '#shared/providers/thulium/request.ts'
import {
  buildCustomer,
  jsonBytes,
  lookupPath,
  normalisePhone,
  planBatches,
} from '#shared/providers/thulium/request.ts'

describe('Thulium request builder', () => {
  it('builds the nested customer object of the documentation', () => {
    const customer = buildCustomer({
      name: 'Jan',
      surname: 'Kowalski',
      email: 'jan.kowalski@foo.bar',
      phone_number: '+48 555-666-777',
      identifier: 'CRM-1001',
      birthdate: '1985-04-12',
      vip: 'Tak',
      company_id: '42',
      'address.street': 'Długa',
      'address.building': '5',
      'invoice_address.city': 'Warszawa',
      'mail_drop_address.postcode': '00-001',
      'custom_fields.Źródło': 'import',
      'emails.0.email': 'not-a-thulium-key@example.com',
    })
    expect(customer).toEqual({
      name: 'Jan',
      surname: 'Kowalski',
      email: 'jan.kowalski@foo.bar',
      phone_number: '48555666777',
      identifier: 'CRM-1001',
      birthdate: '1985-04-12',
      vip: true,
      company_id: 42,
      address: { street: 'Długa', building: '5' },
      invoice_address: { city: 'Warszawa' },
      mail_drop_address: { postcode: '00-001' },
      custom_fields: { Źródło: 'import' },
    })
  })

  it.each([
    ['+48 555 666 777', '48555666777'],
    ['0048 (555) 666.777', '48555666777'],
    ['555666777', '555666777'],
    ['555 CALL', '555CALL'],
  ])('normalises phone %j', (raw, sent) => {
    expect(normalisePhone(raw)).toBe(sent)
  })

  it('looks customers up by identifier, two at most so a shared identifier shows', () => {
    expect(lookupPath('C 1&2')).toBe('/api/customers?identifier=C+1%262&limit=2')
  })

  it('plans batches within 100 items and the byte limit, in row order', () => {
    const items: ThuliumCustomer[] = Array.from({ length: 250 }, (_, i) => ({ surname: `Nowak ${i}` }))
    const plan = planBatches(items, (item) => item, thulium.limits)
    expect(plan.batches.map((batch) => batch.length)).toEqual([100, 100, 50])
    expect(plan.batches.flat()).toEqual(items)

    const big = Array.from({ length: 5 }, (_, i) => ({ surname: `Ż${i}`, note: 'ż'.repeat(300) }))
    const limits = { maxItemsPerRequest: 100, maxBodyBytes: 1_300 }
    const small = planBatches(big, (item) => item, limits)
    for (const batch of small.batches) expect(jsonBytes({ customers: batch })).toBeLessThanOrEqual(1_300)
    expect(small.batches.map((batch) => batch.length)).toEqual([2, 2, 1])

    const huge = planBatches([{ surname: 'x', note: 'y'.repeat(2_000) }], (item) => item, limits)
    expect(huge).toEqual({ batches: [], tooLarge: [{ surname: 'x', note: 'y'.repeat(2_000) }] })
  })
})
