import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { brandIdOf } from '#shared/providers/omnidesk/connection.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { ConnectionTarget, PreparedItem, ProviderTransport, TransportContext } from '../types.ts'
import { boundedPool } from './bounded-pool.ts'
import { OmnideskHttp } from './omnidesk-http.ts'
import { testOmnideskConnection } from './test-connection.ts'
import { OmnideskUpserter } from './upsert-row.ts'

// Omnidesk has no bulk endpoint, so each row is its own search-then-create-or-update. A few rows are
// in flight at once: enough to keep an upload moving, few enough to stay polite to an API whose rate
// limit is not documented (providers.md suggests 2–4).

export const IN_FLIGHT = 4

async function* upload(
  items: readonly PreparedItem[],
  target: ConnectionTarget,
  ctx: TransportContext,
): AsyncGenerator<RowOutcome[]> {
  const upserter = upserterFor(target, ctx)
  yield* boundedPool(items, IN_FLIGHT, ctx.signal, (item) => upserter.upsert(item))
}

/** The upserter for a connection (also used by the dry run); refuses a Brand ID that is not a number. */
export function upserterFor(target: ConnectionTarget, ctx: TransportContext): OmnideskUpserter {
  const brandId = brandIdOf(target.settings)
  if (brandId === null) {
    throw new AppError('CONNECTION_INVALID', t('sending:omnidesk.brandIdInvalid'))
  }
  return new OmnideskUpserter(new OmnideskHttp(target, ctx), brandId)
}

export const omnideskTransport: ProviderTransport = { upload, testConnection: testOmnideskConnection }
