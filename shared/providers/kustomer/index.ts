import type { CompleteProviderDefinition } from '../types.ts'
import { KUSTOMER_VALUE_RULES_ON_BYTES } from './value-rules-on-bytes.ts'
import { checkKustomerRecord, KUSTOMER_VALUE_RULES } from './checks.ts'
import { KUSTOMER_CONNECTION } from './connection.ts'
import { KUSTOMER_CUSTOM, KUSTOMER_FIELDS } from './schema.ts'
import { previewKustomerPayload } from './preview.ts'

export const kustomer: CompleteProviderDefinition = {
  id: 'kustomer',
  displayName: 'Kustomer',
  tagline:
    'Customer service CRM: creates customers, or updates the ones it finds by External ID (or by email when a row has no External ID), with emails, phones, addresses, dates, tags and typed custom attributes.',
  fields: KUSTOMER_FIELDS,
  custom: KUSTOMER_CUSTOM,
  // Documented: up to 100 records per bulk request, and 413 for bodies over 100 kb.
  limits: { maxItemsPerRequest: 100, maxBodyBytes: 100_000 },
  connection: KUSTOMER_CONNECTION,
  checkRecord: checkKustomerRecord,
  valueRules: KUSTOMER_VALUE_RULES,
  valueRulesOnBytes: KUSTOMER_VALUE_RULES_ON_BYTES,
  previewPayload: previewKustomerPayload,
  // Kustomer's bulk upsert finds a customer by External ID, or by email when the row has none.
  identity: { fields: ['externalId', 'emails.0.email'] },
}
