import type { CompleteProviderDefinition } from '../types.ts'
import { THULIUM_VALUE_RULES_ON_BYTES } from './value-rules-on-bytes.ts'
import { checkThuliumRecord, THULIUM_VALUE_RULES } from './check-record.ts'
import { THULIUM_CONNECTION } from './connection.ts'
import { THULIUM_CUSTOM, THULIUM_FIELDS } from './schema.ts'
import { previewThuliumPayload } from './preview.ts'

export const thulium: CompleteProviderDefinition = {
  id: 'thulium',
  displayName: 'Thulium',
  nativeLanguage: 'pl',
  tagline:
    'Polish contact-center CRM: creates customers with contacts, addresses and custom fields, and updates the ones it already has by customer identifier.',
  fields: THULIUM_FIELDS,
  custom: THULIUM_CUSTOM,
  // Thulium documents neither limit [G]. 100 customers per batch is providers.md's advice; 500 kB is
  // a conservative body cap (the sandbox enforces the same).
  limits: { maxItemsPerRequest: 100, maxBodyBytes: 500_000 },
  connection: THULIUM_CONNECTION,
  checkRecord: checkThuliumRecord,
  valueRules: THULIUM_VALUE_RULES,
  valueRulesOnBytes: THULIUM_VALUE_RULES_ON_BYTES,
  previewPayload: previewThuliumPayload,
  // Thulium updates the customer it already has under this identifier.
  identity: { fields: ['identifier'] },
}
