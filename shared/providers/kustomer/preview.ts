import { t } from '../../i18n/i18n.ts'
import type { ConnectionSettings, MappedRecord, PayloadPreview } from '../types.ts'
import { buildCustomer, clientRefForRow } from './request.ts'

// The transport POSTs an array of these items to /v1/customers/bulk (transport.ts `upload`); a row
// whose customer Kustomer already has goes in the PUT to the same path instead, with Kustomer's id.

export const KUSTOMER_BULK_PATH = '/v1/customers/bulk'

export function previewKustomerPayload(
  record: MappedRecord,
  _settings: ConnectionSettings,
  row: number,
): PayloadPreview {
  return {
    request: `POST ${KUSTOMER_BULK_PATH}`,
    encoding: 'json',
    body: [buildCustomer(record, clientRefForRow(row))],
    note: t('validation:kustomer.preview.update'),
  }
}
