import type { CompleteProviderDefinition } from '../types.ts'
import { OMNIDESK_VALUE_RULES_ON_BYTES } from './value-rules-on-bytes.ts'
import { checkOmnideskRecord, OMNIDESK_VALUE_RULES } from './check-record.ts'
import { OMNIDESK_CONNECTION } from './connection.ts'
import { OMNIDESK_CUSTOM, OMNIDESK_FIELDS, PRIMARY_ID } from './schema.ts'
import { previewOmnideskPayload } from './preview.ts'

export const omnidesk: CompleteProviderDefinition = {
  id: 'omnidesk',
  displayName: 'Omnidesk',
  tagline:
    'Omnichannel customer service: creates or updates customers by your Customer ID, with their email and phone channels and custom fields.',
  fields: OMNIDESK_FIELDS,
  custom: OMNIDESK_CUSTOM,
  // No bulk endpoint: one customer per request. Omnidesk documents no body limit; 100 kB is the
  // sandbox's conservative assumption, far above any single customer form.
  limits: { maxItemsPerRequest: 1, maxBodyBytes: 100_000 },
  connection: OMNIDESK_CONNECTION,
  checkRecord: checkOmnideskRecord,
  valueRules: OMNIDESK_VALUE_RULES,
  valueRulesOnBytes: OMNIDESK_VALUE_RULES_ON_BYTES,
  previewPayload: previewOmnideskPayload,
  // Each row is looked up by its primary external ID before it is created or updated.
  identity: { fields: [PRIMARY_ID] },
}
