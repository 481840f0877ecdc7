import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import {
  parseBatchResults,
  parseBulkProgress,
  type KustomerOutcome,
} from '#shared/providers/kustomer/results.ts'
import type { KustomerHttp } from './kustomer-http.ts'
import { ProviderNetworkError } from '../http/network.ts'

// After Kustomer accepts a bulk request: poll `GET /v1/bulk/{id}` until it is complete, then read the
// per-item results from `GET /v1/bulk/{id}/batches`. These are reads, so they are safe to repeat when
// Kustomer or the network has a hiccup; they also carry on after the job is cancelled, because the
// rows were already sent and the person needs to know what happened to them.

const FIRST_POLL_MS = 50
const MAX_POLL_MS = 1_000
/** Consecutive failed reads before giving up on learning the outcome. */
const MAX_READ_FAILURES = 6
/** Kustomer finishes a 100-item job in seconds; past this, report the rows as unknown rather than hang. */
export const POLL_DEADLINE_MS = 5 * 60_000

export type JobOutcome = { kind: 'complete'; outcomes: KustomerOutcome[] } | { kind: 'timed-out' }

export async function followBulkJob(http: KustomerHttp, bulkId: string): Promise<JobOutcome> {
  const base = `/v1/bulk/${encodeURIComponent(bulkId)}`
  const started = Date.now()
  let delay = FIRST_POLL_MS
  for (;;) {
    const progress = parseBulkProgress(await read(http, base))
    if (progress.status === 'complete') break
    if (Date.now() - started > POLL_DEADLINE_MS) return { kind: 'timed-out' }
    await http.pause(delay, false)
    delay = Math.min(delay * 2, MAX_POLL_MS)
  }
  return { kind: 'complete', outcomes: parseBatchResults(await read(http, `${base}/batches`)) }
}

export interface ReadOptions {
  /**
   * The sentence for a read that failed, naming what it was for and what to do, e.g. "Kustomer could
   * not <purpose>: <reason>." Made when the read fails, in the language chosen by then.
   */
  failure(host: string, reason: string): string
  /** Retry 404 too: a bulk job Kustomer has just accepted may not be visible yet. */
  notFoundIsTemporary: boolean
}

const JOB_READ: ReadOptions = {
  failure: (host, reason) => t('sending:kustomer.read.jobReport', { host, reason }),
  notFoundIsTemporary: true,
}

/** A GET that is retried on network errors and 5xx (and 404 when told); its JSON body. */
export async function read(http: KustomerHttp, path: string, options = JOB_READ): Promise<unknown> {
  const { failure, notFoundIsTemporary } = options
  let delay = 250
  for (let failures = 1; ; failures++) {
    let problem: AppError
    try {
      const response = await http.request('GET', path, undefined, false)
      if (response === null) throw new AppError('INTERNAL', 'a read was cancelled') // never: reads ignore cancellation
      if (response.status >= 200 && response.status < 300) return response.body
      const temporary = response.status >= 500 || (response.status === 404 && notFoundIsTemporary)
      problem = new AppError(
        temporary ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_PROTOCOL',
        failure(http.host, response.reason),
      )
      if (!temporary) throw problem
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      problem = error.appError
    }
    if (failures >= MAX_READ_FAILURES) throw problem
    await http.pause(delay, false)
    delay = Math.min(delay * 2, 4_000)
  }
}
