import type { CompleteProviderDefinition } from '../types.ts'
import { checkPropellerRecord, PROPELLER_VALUE_RULES } from './check-record.ts'
import { PROPELLER_CONNECTION } from './connection.ts'
import { PROPELLER_FIELDS } from './schema.ts'
import { previewPropellerPayload } from './preview.ts'

export const propeller: CompleteProviderDefinition = {
  id: 'propeller',
  displayName: 'Propeller',
  tagline:
    'B2B commerce platform: creates or updates customers with their delivery and invoice addresses, matched by your own customer id and source name.',
  fields: PROPELLER_FIELDS,
  // The v2 customer bulk schema is closed and lists no custom attributes (providers.md §3).
  custom: null,
  // Neither limit is documented [G]. providers.md advises starting at 100–200 items per request; 1 MB
  // is a conservative body cap (the sandbox enforces the same two).
  limits: { maxItemsPerRequest: 100, maxBodyBytes: 1_000_000 },
  connection: PROPELLER_CONNECTION,
  checkRecord: checkPropellerRecord,
  valueRules: PROPELLER_VALUE_RULES,
  previewPayload: previewPropellerPayload,
  // Matched by source id (with the connection's source, the same for every row of a file); a
  // connection that matches by Propeller customer ID requires both, so the source id still tells.
  identity: { fields: ['sourceId', 'propellerId'] },
}
