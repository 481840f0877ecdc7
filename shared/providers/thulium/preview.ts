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
      ? 'If Thulium already has a customer with this identifier, the same item is sent with PUT and that customer’s customer_id to update it.'
      : 'This row has no customer identifier, so it always creates a new customer.',
  }
}
