import { t } from '../../i18n/i18n.ts'
import type { ConnectionSettings, MappedRecord, PayloadPreview } from '../types.ts'
import { brandIdOf } from './connection.ts'
import { customerForm, OMNIDESK_PATHS } from './request.ts'

// One form per customer (upsert-row.ts): after a search by Customer ID, POST createCustomerCRUD for a
// new customer, or PUT updateCustomer (`externalPrimaryID` instead of `primaryID`) for a found one.

export function previewOmnideskPayload(record: MappedRecord, settings: ConnectionSettings): PayloadPreview {
  const form = customerForm(record, brandIdOf(settings) ?? '', 'create')
  return {
    request: `POST ${OMNIDESK_PATHS.create}`,
    encoding: 'form',
    body: Object.fromEntries(form.fields),
    note: t('validation:omnidesk.preview.update'),
  }
}
