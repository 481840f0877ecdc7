import { isAppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { brandIdOf } from '#shared/providers/omnidesk/connection.ts'
import type { ConnectionCheck, ConnectionTarget, TransportContext } from '../types.ts'
import { ProviderNetworkError } from '../http/network.ts'
import { OmnideskHttp } from './omnidesk-http.ts'
import { OmnideskUpserter } from './upsert-row.ts'

/** Probe id for the brand check; it only has to be something no one uses. */
const PROBE_ID = 'crosswalk-connection-test'

/**
 * Two reads that change nothing: one page of the customer list (the host and the key's
 * CUSTOMER_READ permission) and a search by primary ID in the brand (the Brand ID).
 */
export async function testOmnideskConnection(
  target: ConnectionTarget,
  ctx: TransportContext,
): Promise<ConnectionCheck> {
  const brandId = brandIdOf(target.settings)
  if (brandId === null) {
    return { ok: false, message: t('sending:omnidesk.test.brandIdInvalid') }
  }
  const http = new OmnideskHttp(target, ctx)
  try {
    const list = await http.request('GET', '/api/v2/customer?itemStart=0&itemLimit=1', undefined, true)
    if (list === null) return { ok: false, message: t('sending:test.cancelled') }
    const { host } = http
    const { reason } = list
    if (list.status === 404) {
      return { ok: false, message: t('sending:omnidesk.test.notOmnidesk', { host, reason }) }
    }
    if (list.status !== 200) return { ok: false, message: t('sending:omnidesk.test.answered', { reason }) }
    const search = await new OmnideskUpserter(http, brandId).search(PROBE_ID, true)
    if (search === null) return { ok: false, message: t('sending:test.cancelled') }
    return { ok: true, message: t('sending:omnidesk.test.connected', { host, brand: brandId }) }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
