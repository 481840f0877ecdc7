import { isAppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { ConnectionCheck, ConnectionTarget, TransportContext } from '../types.ts'
import { ProviderNetworkError } from '../http/network.ts'
import { KustomerHttp } from './kustomer-http.ts'

/** Reads one page of one customer: proves the host, the region and the key's read permission. */
export async function testKustomerConnection(
  target: ConnectionTarget,
  ctx: TransportContext,
): Promise<ConnectionCheck> {
  const http = new KustomerHttp(target, ctx)
  try {
    const response = await http.request('GET', '/v1/customers?pageSize=1', undefined, true)
    if (response === null) return { ok: false, message: t('sending:test.cancelled') }
    const { host } = http
    const { reason } = response
    if (response.status === 200) {
      return { ok: true, message: t('sending:kustomer.test.connected', { host }) }
    }
    if (response.status === 404) {
      return { ok: false, message: t('sending:kustomer.test.notKustomer', { host, reason }) }
    }
    return { ok: false, message: t('sending:kustomer.test.answered', { reason }) }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
