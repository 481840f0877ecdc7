import { describe, expect, it } from 'vitest'
import {
  associationOf,
  associationPath,
  parseAssociationResponse,
} from '#shared/providers/capillary/association.ts'
import { capillary } from '#shared/providers/capillary/index.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

const settings = { source: 'WECHAT', accountId: 'WECHAT-CM', loyaltyType: 'loyalty' }

describe('capillary Group Loyalty (PUT /v2/bulk)', () => {
  it('builds associationDetails like the seed: codes, parent by External ID and mobile, fleet company', () => {
    expect(
      associationOf(
        {
          'associationDetails.hierarchyCode': ' FLEET ',
          'associationDetails.roleCode': 'FA',
          'associationDetails.parentExternalId': 'BOSS-1',
          'associationDetails.parentMobile': '+91 99050 00000',
          'associationDetails.fleetCompanyExternalId': 'ex917471000000',
        },
        settings,
      ),
    ).toEqual({
      hierarchyCode: 'FLEET',
      roleCode: 'FA',
      parentCustomer: {
        profiles: [
          {
            identifiers: [
              { type: 'externalId', value: 'BOSS-1' },
              { type: 'mobile', value: '919905000000' },
            ],
            source: 'WECHAT',
            accountId: 'WECHAT-CM',
          },
        ],
      },
      fleetCompany: { externalId: 'ex917471000000' },
    })
    expect(associationOf({ 'identifiers.externalId': 'A' }, settings)).toBeUndefined()
  })

  it('scopes the request by source and account like the upsert', () => {
    expect(associationPath(settings)).toBe('/v2/bulk?source=WECHAT&accountId=WECHAT-CM')
    expect(associationPath({ source: 'INSTORE' })).toBe('/v2/bulk?source=INSTORE')
  })

  it('reads the documented answer: an array in request order, errors [{}] meaning success', () => {
    expect(
      parseAssociationResponse(
        [{ errors: [{}] }, { errors: [{ status: false, code: 8015, message: 'Customer not found' }] }],
        2,
      ),
    ).toEqual([
      { kind: 'linked' },
      { kind: 'refused', errors: [{ code: 8015, message: 'Customer not found' }] },
    ])
    expect(parseAssociationResponse([{ errors: [{}] }], 2)).toBeNull()
    expect(parseAssociationResponse({ response: [] }, 0)).toBeNull()
  })

  it('asks for both codes when a row has any Group Loyalty value', () => {
    const rules = (record: Record<string, string>) =>
      validateRecord(capillary, { 'identifiers.externalId': 'A', ...record }).map(
        (issue) => `${issue.field}:${issue.rule}`,
      )
    expect(rules({ 'associationDetails.parentExternalId': 'B' })).toEqual([
      'associationDetails.hierarchyCode:association',
      'associationDetails.roleCode:association',
    ])
    expect(rules({ 'associationDetails.hierarchyCode': 'FLEET' })).toEqual([
      'associationDetails.roleCode:association',
    ])
    expect(
      rules({ 'associationDetails.hierarchyCode': 'FLEET', 'associationDetails.roleCode': 'FA' }),
    ).toEqual([])
  })
})
