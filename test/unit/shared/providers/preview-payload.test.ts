import { describe, expect, it } from 'vitest'
import type { ProviderId } from '#shared/ids.ts'
import { buildCustomer as buildCapillaryCustomer } from '#shared/providers/capillary/request.ts'
import { buildCustomer as buildKustomerCustomer } from '#shared/providers/kustomer/request.ts'
import { customerForm } from '#shared/providers/omnidesk/request.ts'
import { bulkBody, buildCustomer as buildPropellerCustomer } from '#shared/providers/propeller/request.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { batchBody, buildCustomer as buildThuliumCustomer } from '#shared/providers/thulium/request.ts'
import type {
  ConnectionSettings,
  MappedRecord,
  PayloadPreview,
  CompleteProviderDefinition,
} from '#shared/providers/types.ts'

// What the mapping screen shows as "what will be sent" must be what the transport sends. The expected
// bodies below are written out by hand from each provider's documented shape (and the normalisations
// validation promises: E.164 phones, Thulium's digits-only phones and booleans, Capillary's mobile
// without `+`, Propeller's upper-case language); the wire itself is compared in
// test/unit/electron/providers/preview-payload-wire.test.ts.

// Every provider in the registry has a preview: a type error here when one is missing.
const _everyProviderPreviews = PROVIDERS satisfies Record<ProviderId, CompleteProviderDefinition>

function preview(
  id: ProviderId,
  record: MappedRecord,
  settings: ConnectionSettings,
  row = 2,
): PayloadPreview {
  return _everyProviderPreviews[id].previewPayload(record, settings, row)
}

const KUSTOMER_RECORD = {
  name: 'Ada Lovelace',
  externalId: 'C-1',
  'emails.0.email': 'ada@example.com',
  'phones.0.phone': '+44 20 7946 0958',
  tags: 'vip; london',
  'custom.tierStr': 'gold',
}
const CAPILLARY_RECORD = {
  'identifiers.externalId': 'C-1',
  'identifiers.mobile': '+91 99882 21100',
  'identifiers.email': 'ada@example.com',
  firstName: 'Ada',
  'extendedFields.city': 'Pune',
  'fields.tier': 'gold',
}
const CAPILLARY_SETTINGS = {
  cluster: 'eu.api.capillarytech.com',
  source: 'INSTORE',
  accountId: '',
  loyaltyType: 'loyalty',
}
const THULIUM_RECORD = {
  identifier: 'CRM-7',
  name: 'Jan',
  surname: 'Nowak',
  phone_number: '+48 555-666-777',
  vip: 'Tak',
  'address.city': 'Kraków',
  'custom_fields.tier': 'gold',
}
const OMNIDESK_RECORD = {
  primaryID: 'C-1',
  firstname: 'Zoë',
  lastname: 'Nowak',
  'channel.email': 'zoe@example.com',
  'channel.telephone': '+48 555 666 777',
}
const OMNIDESK_SETTINGS = { account: 'acme', domain: 'omnidesk.io', brand_id: '7' }
const PROPELLER_RECORD = {
  sourceId: 'C-1',
  firstName: 'Ada',
  email: 'ada@example.com',
  primaryLanguage: 'en_GB',
  'addresses.0.street': 'Main St',
  'addresses.0.city': 'Leiden',
  'addresses.0.country': 'NL',
}
const PROPELLER_SETTINGS = {
  apiHost: 'api.helice.cloud',
  clientId: 'x',
  source: 'WEBSHOP',
  matchBy: 'sourceId',
}

describe('previewPayload', () => {
  it('Kustomer: one item of the bulk array, with the row’s _clientRef and normalised values', () => {
    const shown = preview('kustomer', KUSTOMER_RECORD, { org: 'acme', region: 'us' }, 7)
    expect(shown.request).toBe('POST /v1/customers/bulk')
    expect(shown.encoding).toBe('json')
    expect(shown.body).toEqual([
      {
        _clientRef: 'row-7',
        name: 'Ada Lovelace',
        externalId: 'C-1',
        emails: [{ email: 'ada@example.com' }],
        phones: [{ phone: '+442079460958' }],
        tags: ['vip', 'london'],
        custom: { tierStr: 'gold' },
      },
    ])
    // The transport's own builder, as transport.ts calls it.
    expect(shown.body).toEqual([buildKustomerCustomer(KUSTOMER_RECORD, 'row-7')])
  })

  it('Capillary: one upsert item, scoped by the connection’s source in the path and the profile', () => {
    const shown = preview('capillary', CAPILLARY_RECORD, CAPILLARY_SETTINGS)
    expect(shown.request).toBe(
      'POST /v2/integrations/customer/upsert/bulk?skipChangeIdentifier=false&source=INSTORE',
    )
    expect(shown.body).toEqual([
      {
        loyaltyInfo: { loyaltyType: 'loyalty' },
        profiles: [
          {
            firstName: 'Ada',
            identifiers: [
              { type: 'externalId', value: 'C-1' },
              { type: 'mobile', value: '919988221100' },
              { type: 'email', value: 'ada@example.com' },
            ],
            commChannels: [
              { type: 'mobile', value: '919988221100', primary: true, verified: false },
              { type: 'email', value: 'ada@example.com', primary: true, verified: false },
            ],
            fields: { tier: 'gold' },
            source: 'INSTORE',
            accountId: '',
          },
        ],
        extendedFields: { city: 'Pune' },
      },
    ])
    expect(shown.body).toEqual([buildCapillaryCustomer(CAPILLARY_RECORD, CAPILLARY_SETTINGS)])
    expect(shown.note).toBeUndefined()
    const linked = preview(
      'capillary',
      { ...CAPILLARY_RECORD, 'associationDetails.roleCode': 'OWNER' },
      CAPILLARY_SETTINGS,
    )
    expect(linked.note).toMatch(/PUT \/v2\/bulk/)
  })

  it('Thulium: one customer inside the batch envelope, phone as digits and VIP as a boolean', () => {
    const shown = preview('thulium', THULIUM_RECORD, { subdomain: 'acme', user: 'api_user' })
    expect(shown.request).toBe('POST /api/batch/customers')
    expect(shown.body).toEqual({
      customers: [
        {
          identifier: 'CRM-7',
          name: 'Jan',
          surname: 'Nowak',
          phone_number: '48555666777',
          vip: true,
          address: { city: 'Kraków' },
          custom_fields: { tier: 'gold' },
        },
      ],
    })
    expect(shown.body).toEqual(batchBody([buildThuliumCustomer(THULIUM_RECORD)]))
    expect(preview('thulium', { surname: 'Nowak' }, {}).note).toMatch(/no customer identifier/)
  })

  it('Omnidesk: the create form’s fields in the order they are encoded', () => {
    const shown = preview('omnidesk', OMNIDESK_RECORD, OMNIDESK_SETTINGS)
    expect(shown.request).toBe('POST /api/v2/customer/createCustomerCRUD')
    expect(shown.encoding).toBe('form')
    expect(Object.entries(shown.body as object)).toEqual([
      ['primaryID', 'C-1'],
      ['brandID', '7'],
      ['firstname', 'Zoë'],
      ['lastname', 'Nowak'],
      ['customerChannelType_0', 'email'],
      ['customerChannelValue_0', 'zoe@example.com'],
      ['customerChannelType_1', 'telephone'],
      ['customerChannelValue_1', '+48555666777'],
    ])
    expect(Object.entries(shown.body as object)).toEqual(customerForm(OMNIDESK_RECORD, '7', 'create').fields)
  })

  it('Propeller: one customer in the bulk body of the connection’s match mode, with its directives', () => {
    const shown = preview('propeller', PROPELLER_RECORD, PROPELLER_SETTINGS)
    expect(shown.request).toBe('POST /v2/customers/bulk/sourceId')
    expect(shown.body).toEqual({
      customers: [
        {
          source: 'WEBSHOP',
          sourceId: 'C-1',
          firstName: 'Ada',
          email: 'ada@example.com',
          primaryLanguage: 'EN',
          addresses: [{ type: 'delivery', street: 'Main St', city: 'Leiden', country: 'NL' }],
        },
      ],
    })
    expect(shown.body).toEqual(
      bulkBody(PROPELLER_SETTINGS, [buildPropellerCustomer(PROPELLER_RECORD, 'WEBSHOP', 'sourceId')]),
    )

    const fillEmpty = preview('propeller', PROPELLER_RECORD, { ...PROPELLER_SETTINGS, existing: 'fillEmpty' })
    expect((fillEmpty.body as { directives: unknown }).directives).toEqual([
      { operation: 'skipIfNotEmpty', fields: ['email', 'firstName', 'primaryLanguage'] },
    ])

    const byId = { ...PROPELLER_SETTINGS, matchBy: 'id', existing: 'updateOnly' }
    const withId = preview('propeller', { propellerId: '25 494', firstName: 'Ada' }, byId)
    expect(withId.request).toBe('POST /v2/customers/bulk/id')
    expect(withId.body).toEqual({
      customers: [{ id: 25494, firstName: 'Ada' }],
      directives: [{ operation: 'skipCreate', fields: [] }],
    })
    // By id, a row without a Propeller customer ID is refused before sending: the preview says so.
    const without = preview('propeller', PROPELLER_RECORD, byId)
    expect(without.refused).toMatch(/no valid Propeller customer ID/)
    expect(without.body).toBeNull()
  })

  it.each(Object.values(PROVIDERS).map((provider) => [provider.id] as const))(
    '%s: never shows a secret, and its body survives JSON as is',
    (id) => {
      const secretKeys = PROVIDERS[id].connection.fields.filter((field) => field.kind === 'secret')
      expect(secretKeys.length).toBeGreaterThan(0)
      const settings = Object.fromEntries(secretKeys.map((field) => [field.key, 'S3CRET-VALUE']))
      const record = { sourceId: 'C-1', primaryID: 'C-1', surname: 'Nowak', name: 'Ada', firstName: 'Ada' }
      const shown = preview(id, record, settings)
      expect(JSON.stringify(shown)).not.toContain('S3CRET-VALUE')
      expect(JSON.parse(JSON.stringify(shown.body))).toEqual(shown.body)
    },
  )
})
