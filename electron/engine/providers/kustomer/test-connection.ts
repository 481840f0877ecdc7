import { isAppError } from '#shared/errors.ts'
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
    if (response === null) return { ok: false, message: 'The test was cancelled.' }
    if (response.status === 200) {
      return { ok: true, message: `Connected to Kustomer at ${http.host}; the API key can read customers.` }
    }
    if (response.status === 404) {
      return {
        ok: false,
        message: `${http.host} does not answer like Kustomer's API (${response.reason}). Check the organization name and region.`,
      }
    }
    return { ok: false, message: `Kustomer answered: ${response.reason}.` }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
