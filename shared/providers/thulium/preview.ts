import { t } from '../../i18n/i18n.ts'
import type { ConnectionSettings, MappedRecord, PayloadPreview } from '../types.ts'
import { BATCH_PATH, batchBody, buildCustomer } from './request.ts'

// The transport sends `{ customers: [...] }` to the batch endpoint: POST creates, PUT updates a
// customer found by identifier, with Thulium's customer_id added (transport.ts, write-batches.ts).

export function previewThuliumPayload(record: MappedRecord, _settings: ConnectionSettings): PayloadPreview {
  const customer = buildCustomer(record)
  return {
    request: `POST ${BATCH_PATH}`,
    encoding: 'json',
    body: batchBody([customer]),
    note: customer.identifier
      ? t('validation:thulium.preview.update')
      : t('validation:thulium.preview.noIdentifier'),
  }
}
