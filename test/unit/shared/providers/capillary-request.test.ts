import { describe, expect, it } from 'vitest'
import type { PlannedCustomer } from '#shared/providers/capillary/request.ts'
import { buildCustomer, jsonBytes, planBatches, upsertPath } from '#shared/providers/capillary/request.ts'

const settings = { source: 'INSTORE', loyaltyType: 'loyalty' }

describe('capillary request builder', () => {
  it('builds the documented upsert item: identifiers, comm channels, extended and custom fields', () => {
    const customer = buildCustomer(
      {
        'identifiers.externalId': 'C-1',
        'identifiers.mobile': '+91 99882 21100',
        'identifiers.email': 'ada@example.com',
        firstName: 'Ada',
        lastName: 'L'.repeat(120),
        'extendedFields.city': 'Pune',
        'extendedFields.dob': '1990-04-23',
        'fields.loyalty_tier': 'Gold',
      },
      settings,
    )
    expect(customer).toEqual({
      loyaltyInfo: { loyaltyType: 'loyalty' },
      profiles: [
        {
          firstName: 'Ada',
          lastName: 'L'.repeat(100),
          identifiers: [
            { type: 'externalId', value: 'C-1' },
            { type: 'mobile', value: '919988221100' },
            { type: 'email', value: 'ada@example.com' },
          ],
          commChannels: [
            { type: 'mobile', value: '919988221100', primary: true, verified: false },
            { type: 'email', value: 'ada@example.com', primary: true, verified: false },
          ],
          fields: { loyalty_tier: 'Gold' },
          source: 'INSTORE',
          accountId: '',
        },
      ],
      extendedFields: { city: 'Pune', dob: '1990-04-23' },
    })
  })

  it('takes the loyalty type from the row, else from the connection', () => {
    expect(buildCustomer({ loyaltyType: 'Non_Loyalty' }, settings).loyaltyInfo.loyaltyType).toBe(
      'non_loyalty',
    )
    expect(buildCustomer({}, { ...settings, loyaltyType: 'non_loyalty' }).loyaltyInfo.loyaltyType).toBe(
      'non_loyalty',
    )
  })

  it('puts source and accountId in the query', () => {
    expect(upsertPath(settings)).toBe(
      '/v2/integrations/customer/upsert/bulk?skipChangeIdentifier=false&source=INSTORE',
    )
    expect(upsertPath({ source: 'WECHAT', accountId: ' 42 ' })).toContain('source=WECHAT&accountId=42')
  })

  it('plans batches within both the item and the byte limit, and sets aside items too large alone', () => {
    const item = (row: number, size = 10): PlannedCustomer => ({
      row,
      customer: buildCustomer({ 'identifiers.externalId': 'x'.repeat(size) }, settings),
    })
    const items = Array.from({ length: 7 }, (_, index) => item(index + 2))
    expect(
      planBatches(items, { maxItemsPerRequest: 3, maxBodyBytes: 1e6 }).batches.map((b) => b.length),
    ).toEqual([3, 3, 1])
    const one = jsonBytes(items[0]!.customer)
    const plan = planBatches([...items.slice(0, 3), item(99, 5000)], {
      maxItemsPerRequest: 100,
      maxBodyBytes: 2 * one + 3,
    })
    expect(plan.batches.map((b) => b.map((i) => i.row))).toEqual([[2, 3], [4]])
    expect(plan.tooLarge.map((i) => i.row)).toEqual([99])
  })
})
