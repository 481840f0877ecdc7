import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { propeller } from '#shared/providers/propeller/index.ts'
import { planBatches, planCustomers, sourceOf } from '#shared/providers/propeller/request.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { failRows } from '../fail-rows.ts'
import type { ConnectionTarget, PreparedItem, ProviderTransport, TransportContext } from '../types.ts'
import { PropellerHttp } from './propeller-http.ts'
import { testPropellerConnection } from './test-connection.ts'
import { sendBatch, tooLargeMessage } from './write-batch.ts'

export { tooLargeMessage }

// Propeller's customer bulk upsert, by sourceId or by Propeller id as the connection says ("Match
// customers by"): rows are planned into requests within the item and byte limits, sent one after
// another (a shared token, renewed before it expires), and every request answers synchronously with
// one result per item. Rows that cannot name their customer (by id without a Propeller customer ID)
// fail before anything is sent. See write-batch.ts for resends and 10007 handling.

async function* upload(
  items: readonly PreparedItem[],
  target: ConnectionTarget,
  ctx: TransportContext,
): AsyncGenerator<RowOutcome[]> {
  const http = new PropellerHttp(target, ctx)
  const source = sourceOf(target.settings)
  if (source === '') {
    throw new AppError('CONNECTION_INVALID', t('sending:propeller.noSource'))
  }
  const { planned, refused } = planCustomers(items, target.settings)
  if (refused.length > 0) yield refused
  const { batches, tooLarge } = planBatches(planned, propeller.limits)
  if (tooLarge.length > 0) {
    yield failRows(tooLarge, tooLargeMessage())
  }
  for (const batch of batches) {
    if (ctx.signal.aborted) return
    yield* sendBatch(http, target.settings, batch)
  }
}

export const propellerTransport: ProviderTransport = { upload, testConnection: testPropellerConnection }
