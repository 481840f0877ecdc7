import { isAppError } from '#shared/errors.ts'
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
    return {
      ok: false,
      message: 'The Brand ID must be a whole number, e.g. 1. Find it in Omnidesk under Admin → Brands.',
    }
  }
  const http = new OmnideskHttp(target, ctx)
  try {
    const list = await http.request('GET', '/api/v2/customer?itemStart=0&itemLimit=1', undefined, true)
    if (list === null) return { ok: false, message: 'The test was cancelled.' }
    if (list.status === 404) {
      return {
        ok: false,
        message: `${http.host} does not answer like Omnidesk's API (${list.reason}). Check the account name and domain.`,
      }
    }
    if (list.status !== 200) return { ok: false, message: `Omnidesk answered: ${list.reason}.` }
    const search = await new OmnideskUpserter(http, brandId).search(PROBE_ID, true)
    if (search === null) return { ok: false, message: 'The test was cancelled.' }
    return {
      ok: true,
      message: `Connected to Omnidesk at ${http.host}; the API key can read customers of brand ${brandId}.`,
    }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
