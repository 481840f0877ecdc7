import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ProviderId } from '../shared/ids.ts'
import { autoMatch } from '../shared/mapping/auto-match.ts'
import { PROVIDERS } from '../shared/providers/registry.ts'
import type { RowOutcome } from '../shared/providers/types.ts'
import { sampleCustomers, tableAsCsv } from '../shared/samples/sample-customers.ts'
import { Dataset } from '../electron/engine/dataset/dataset.ts'
import { readTable } from '../electron/engine/ingest/read-table.ts'
import { TRANSPORTS } from '../electron/engine/providers/registry.ts'
import type { SandboxOptions } from '../electron/engine/providers/types.ts'
import { startSandbox } from '../electron/engine/sandbox/registry.ts'
import { sleep } from '../electron/engine/upload/sleep.ts'
import type { BenchReport, BenchRow } from './report.ts'

/**
 * Upload throughput (issue 7): each provider's sandbox allows LIMIT requests per WINDOW_MS fixed window,
 * and a realistic file is uploaded through the provider's transport. A fixed window lets at most LIMIT
 * requests through per window, so N accepted requests need at least floor((N - 1) / LIMIT) whole
 * windows: that is the fastest the limit allows, the baseline. The figure is baseline time over the
 * measured time (1.00× = as fast as the limit allows), with the 429 answers the upload provoked.
 * Target: ≥ 0.9 and no 429 storm. Windows are 10 s because `Retry-After` counts whole seconds: a
 * client that honours it can overshoot a reset by up to a second, which a 1 s window would magnify.
 */

const LIMIT = 40
const WINDOW_MS = 10_000
/** A little network time per answer, so requests are not free. */
const LATENCY_MS = 5
/** Enough requests to span four windows. */
const REQUESTS_WANTED = 4 * LIMIT
const TARGET_UTILISATION = 0.9
/**
 * Refusals above this share of the accepted requests count as a 429 storm. A paced client meets a few
 * while it learns the window (more if it has several requests in flight) and then about one per window.
 */
const STORM_SHARE = 0.2

/** Each sandbox names its rate limit option its own way (they mirror the providers' documents). */
function rateOptions(providerId: ProviderId): Record<string, number> {
  switch (providerId) {
    case 'kustomer':
    case 'capillary':
      return { rateLimitPerMinute: LIMIT, rateLimitWindowMs: WINDOW_MS }
    case 'thulium':
    case 'omnidesk':
    case 'propeller':
      return { rateLimit: LIMIT, rateLimitWindowMs: WINDOW_MS }
  }
}

/**
 * Rows for about REQUESTS_WANTED requests. Bulk providers carry a batch a request (Kustomer also polls
 * its bulk jobs); Thulium searches each row's identifier before writing in batches; Omnidesk searches
 * and then writes each row.
 */
function rowsFor(providerId: ProviderId): number {
  if (providerId === 'omnidesk') return REQUESTS_WANTED / 2
  if (providerId === 'thulium') return REQUESTS_WANTED - Math.ceil(REQUESTS_WANTED / 100)
  const perRequest = PROVIDERS[providerId].limits.maxItemsPerRequest
  return Math.min(perRequest * REQUESTS_WANTED, 12_000)
}

interface Measured {
  rows: number
  accepted: number
  limited: number
  ms: number
  created: number
}

async function measure(providerId: ProviderId, dir: string): Promise<Measured> {
  const path = join(dir, `${providerId}.csv`)
  writeFileSync(path, tableAsCsv(sampleCustomers(rowsFor(providerId), 5)))
  const table = await readTable(path, new AbortController().signal, () => {})
  const dataset = new Dataset(table)
  dataset.applyMapping({ providerId, assignments: autoMatch(table.headers, PROVIDERS[providerId]) })
  const { items } = dataset.prepare(0, dataset.rowCount, 'valid')

  const options = { ...rateOptions(providerId), faults: { latencyMs: LATENCY_MS } } as SandboxOptions
  const sandbox = await startSandbox(providerId, options)
  let accepted = 0
  let limited = 0
  const counting: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init)
    if (response.status === 429) limited++
    else accepted++
    return response
  }
  const outcomes: RowOutcome[] = []
  const started = performance.now()
  try {
    const target = { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets }
    const ctx = { signal: new AbortController().signal, fetch: counting, sleep }
    for await (const batch of TRANSPORTS[providerId].upload(items, target, ctx)) outcomes.push(...batch)
  } finally {
    await sandbox.close()
  }
  const ms = performance.now() - started
  const created = outcomes.filter((outcome) => outcome.status === 'created').length
  return { rows: items.length, accepted, limited, ms, created }
}

export async function uploadBench(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-upload-bench-'))
  const rows: BenchRow[] = []
  try {
    for (const providerId of Object.keys(PROVIDERS) as ProviderId[]) {
      const run = await measure(providerId, dir)
      const fastestMs = Math.floor((run.accepted - 1) / LIMIT) * WINDOW_MS
      const utilisation = Math.min(1, fastestMs / run.ms)
      const rowsPerSecond = run.rows / (run.ms / 1000)
      const name = PROVIDERS[providerId].displayName
      const complete = run.created === run.rows ? '' : ` (only ${run.created} of ${run.rows} created)`
      rows.push({
        figure: `${name}: ${run.rows} rows, ${run.accepted} requests, ${run.limited} × 429${complete}`,
        value: `${(run.accepted / (run.ms / 1000)).toFixed(1)} req/s · ${rowsPerSecond.toFixed(0)} rows/s`,
        target: `≥ ${TARGET_UTILISATION}×, 429s ≤ ${STORM_SHARE * 100}%`,
        ratio: `${utilisation.toFixed(2)}×`,
        result:
          utilisation >= TARGET_UTILISATION && run.limited <= STORM_SHARE * run.accepted && complete === ''
            ? 'PASS'
            : 'FAIL',
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return {
    title: `Upload: every provider's transport against its sandbox limited to ${LIMIT} requests per ${WINDOW_MS / 1000} s window`,
    detail: `baseline = the fastest time the limit allows for the requests made (1.00×); ${LATENCY_MS} ms latency per answer; ratio = baseline time / measured time`,
    rows,
  }
}
