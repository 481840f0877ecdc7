import type { CompleteProviderDefinition } from '../types.ts'
import { CAPILLARY_VALUE_RULES_ON_BYTES } from './value-rules-on-bytes.ts'
import { checkCapillaryRecord, CAPILLARY_VALUE_RULES } from './check-record.ts'
import { CAPILLARY_CONNECTION } from './connection.ts'
import { CAPILLARY_CUSTOM, CAPILLARY_FIELDS } from './schema.ts'
import { previewCapillaryPayload } from './preview.ts'

export const capillary: CompleteProviderDefinition = {
  id: 'capillary',
  displayName: 'Capillary',
  tagline:
    'Loyalty and CRM platform: registers or updates customers by External ID, mobile or email, with extended and custom fields and Group Loyalty links.',
  fields: CAPILLARY_FIELDS,
  custom: CAPILLARY_CUSTOM,
  // Items: not documented for the upsert; Capillary caps sibling bulk APIs at 100 and answers 1060 when
  // a batch is too big, which the transport handles by splitting [I]. Body: not documented; 1 MB keeps
  // 100 typical customers (~600 bytes each) in one request with wide margin [G].
  limits: { maxItemsPerRequest: 100, maxBodyBytes: 1_000_000 },
  connection: CAPILLARY_CONNECTION,
  checkRecord: checkCapillaryRecord,
  valueRules: CAPILLARY_VALUE_RULES,
  valueRulesOnBytes: CAPILLARY_VALUE_RULES_ON_BYTES,
  previewPayload: previewCapillaryPayload,
  // Capillary's upsert finds a customer by any of its identifiers; external id is the most specific.
  identity: { fields: ['identifiers.externalId', 'identifiers.mobile', 'identifiers.email'] },
}
