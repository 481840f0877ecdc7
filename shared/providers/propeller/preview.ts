import { t } from '../../i18n/i18n.ts'
import type { ConnectionSettings, MappedRecord, PayloadPreview } from '../types.ts'
import { existingChoiceOf, matchByOf } from './connection.ts'
import { bulkBody, bulkPathFor, planCustomers } from './request.ts'

// The transport plans rows with `planCustomers` and sends `bulkBody(settings, customers)` to the
// endpoint of the connection's "Match customers by" (transport.ts, write-batch.ts).

export function previewPropellerPayload(
  record: MappedRecord,
  settings: ConnectionSettings,
  row: number,
): PayloadPreview {
  const request = `POST ${bulkPathFor(matchByOf(settings))}`
  const { planned, refused } = planCustomers([{ row, record }], settings)
  const first = planned[0]
  if (first === undefined) {
    return {
      request,
      encoding: 'json',
      body: null,
      refused: refused[0]?.message ?? t('validation:preview.notSent'),
    }
  }
  const preview: PayloadPreview = {
    request,
    encoding: 'json',
    body: bulkBody(
      settings,
      planned.map((item) => item.customer),
    ),
  }
  if (existingChoiceOf(settings) === 'fillEmpty') {
    preview.note = t('validation:propeller.preview.skipIfNotEmpty')
  }
  return preview
}
