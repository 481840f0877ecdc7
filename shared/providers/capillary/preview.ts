import { t } from '../../i18n/i18n.ts'
import type { ConnectionSettings, MappedRecord, PayloadPreview } from '../types.ts'
import { associationOf } from './association.ts'
import { buildCustomer, upsertPath } from './request.ts'

// The transport POSTs an array of upsert items (transport.ts `upload` → `sendBatch`) to the upsert
// path with the connection's source and account as query parameters.

export function previewCapillaryPayload(record: MappedRecord, settings: ConnectionSettings): PayloadPreview {
  const preview: PayloadPreview = {
    request: `POST ${upsertPath(settings)}`,
    encoding: 'json',
    body: [buildCustomer(record, settings)],
  }
  if (associationOf(record, settings) !== undefined) {
    preview.note = t('validation:capillary.preview.associations')
  }
  return preview
}
