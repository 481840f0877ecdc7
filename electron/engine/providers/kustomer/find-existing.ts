import { AppError } from '#shared/errors.ts'
import { parseCustomerId } from '#shared/providers/kustomer/results.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { KustomerHttp } from './kustomer-http.ts'

// Kustomer has no upsert: a create refused as "duplicate detected" is updated instead, which needs
// the existing customer's Kustomer id. `GET /v1/customers/externalId={externalId}` (documented, and
// not subject to the 100/min search limit) finds it, a few lookups at a time.

const CONCURRENT_LOOKUPS = 4
const MAX_ATTEMPTS = 4

/** External ID → Kustomer id, or null when Kustomer has no customer with it. */
export async function findByExternalId(
  http: KustomerHttp,
  externalIds: readonly string[],
): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>()
  const queue = [...new Set(externalIds)]
  const worker = async () => {
    for (let externalId = queue.shift(); externalId !== undefined; externalId = queue.shift()) {
      found.set(externalId, await lookUp(http, externalId))
    }
  }
  await Promise.all(Array.from({ length: CONCURRENT_LOOKUPS }, worker))
  return found
}

/** One lookup: a read, so it is repeated on network errors and 5xx; 404 means "no such customer". */
async function lookUp(http: KustomerHttp, externalId: string): Promise<string | null> {
  let delay = 250
  for (let attempt = 1; ; attempt++) {
    let problem: AppError
    try {
      const path = `/v1/customers/externalId=${encodeURIComponent(externalId)}`
      const response = await http.request('GET', path, undefined, false)
      if (response === null) throw new AppError('INTERNAL', 'a lookup was cancelled') // never: reads ignore cancellation
      if (response.status === 200) return parseCustomerId(response.body)
      if (response.status === 404) return null
      problem = new AppError(
        'PROVIDER_UNAVAILABLE',
        `Kustomer (${http.host}) could not look up the customer with External ID "${externalId}": ${response.reason}.`,
      )
      if (response.status < 500) throw problem
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      problem = error.appError
    }
    if (attempt >= MAX_ATTEMPTS) throw problem
    await http.pause(delay, false)
    delay *= 2
  }
}
