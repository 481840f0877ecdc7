import { isAppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { parseLookup } from '#shared/providers/thulium/results.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { ConnectionCheck, ConnectionTarget, TransportContext } from '../types.ts'
import { ThuliumHttp } from './thulium-http.ts'

/** Reads at most one customer: proves the address, the API user's password and its read permission. */
export async function testThuliumConnection(
  target: ConnectionTarget,
  ctx: TransportContext,
): Promise<ConnectionCheck> {
  const http = new ThuliumHttp(target, ctx)
  try {
    const response = await http.request('GET', '/api/customers?limit=1')
    if (response === null) return { ok: false, message: t('sending:test.cancelled') }
    const { host } = http
    const { reason } = response
    if (response.status === 200) {
      parseLookup(response.body) // an answer that is not a customer list means this is not Thulium's API
      return { ok: true, message: t('sending:thulium.test.connected', { host }) }
    }
    if (response.status === 404) {
      return { ok: false, message: t('sending:thulium.test.notThulium', { host, reason }) }
    }
    return { ok: false, message: t('sending:thulium.test.answered', { host, reason }) }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
