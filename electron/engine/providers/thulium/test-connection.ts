import { isAppError } from '#shared/errors.ts'
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
    if (response === null) return { ok: false, message: 'The test was cancelled.' }
    if (response.status === 200) {
      parseLookup(response.body) // an answer that is not a customer list means this is not Thulium's API
      return { ok: true, message: `Connected to Thulium at ${http.host}; the API user can read customers.` }
    }
    if (response.status === 404) {
      return {
        ok: false,
        message: `${http.host} does not answer like Thulium's API (${response.reason}). Check the system name: for acme.thulium.com it is "acme".`,
      }
    }
    return { ok: false, message: `Thulium (${http.host}) answered: ${response.reason}. Try again later.` }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
