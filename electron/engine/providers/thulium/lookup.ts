import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { lookupPath } from '#shared/providers/thulium/request.ts'
import { parseLookup } from '#shared/providers/thulium/results.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { ThuliumHttp } from './thulium-http.ts'

// Finding existing customers by `identifier`. Thulium's search takes one identifier per request
// (`GET /api/customers?identifier=…`, documented; no list form is documented), so lookups run a few
// at a time. They are reads, so network errors and 5xx are retried.

/** Lookups in flight at once: fast enough for 1,000 rows, gentle on an API with no documented limit. */
export const LOOKUP_CONCURRENCY = 8
const MAX_READ_FAILURES = 5

export type Found =
  | { kind: 'none' }
  | { kind: 'one'; customerId: string }
  | { kind: 'many' }
  | { kind: 'failed'; reason: string }

/** One identifier's customers; null when the job was cancelled before the search was sent. */
export async function lookup(http: ThuliumHttp, identifier: string): Promise<Found | null> {
  let delay = 250
  for (let failures = 1; ; failures++) {
    let problem: AppError
    try {
      const response = await http.request('GET', lookupPath(identifier))
      if (response === null) return null
      // 404 is read as "nobody has it" [G]: if the address is wrong instead, the create that follows
      // gets a 404 too and stops the upload before anything is written.
      if (response.status === 404) return { kind: 'none' }
      if (response.status === 200) {
        const ids = parseLookup(response.body)
        if (ids.length === 0) return { kind: 'none' }
        return ids.length === 1 ? { kind: 'one', customerId: ids[0]! } : { kind: 'many' }
      }
      if (response.status < 500) return { kind: 'failed', reason: response.reason }
      problem = new AppError(
        'PROVIDER_UNAVAILABLE',
        t('sending:thulium.searchFailed', { host: http.host, reason: response.reason }),
      )
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      problem = error.appError
    }
    if (failures >= MAX_READ_FAILURES) throw problem
    await new Promise((resolve) => setTimeout(resolve, delay))
    delay = Math.min(delay * 2, 4_000)
  }
}

/**
 * Looks up every identifier, `LOOKUP_CONCURRENCY` at a time. Null when cancelled; the first error
 * that is not about one row (auth, unreachable) is thrown once the searches in flight have ended.
 */
export async function lookupAll(
  http: ThuliumHttp,
  identifiers: readonly string[],
): Promise<Map<string, Found> | null> {
  const found = new Map<string, Found>()
  let next = 0
  let cancelled = false
  let failure: unknown = null
  async function worker(): Promise<void> {
    while (next < identifiers.length && !cancelled && failure === null) {
      const identifier = identifiers[next++]!
      try {
        const result = await lookup(http, identifier)
        if (result === null) cancelled = true
        else found.set(identifier, result)
      } catch (error) {
        failure ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, identifiers.length) }, worker))
  if (failure !== null) throw failure
  return cancelled ? null : found
}
