import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ProviderId } from '#shared/ids.ts'
import type { JobResult } from '#shared/jobs.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { SAMPLE_HEADERS, sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'
import { WorkerClient } from '../../../../electron/engine/dataset/worker-client.ts'
import { JobManager } from '../../../../electron/engine/jobs/job-manager.ts'
import { TRANSPORTS } from '../../../../electron/engine/providers/registry.ts'
import type { ConnectionTarget, RunningSandbox } from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { DryRunResults } from '../../../../electron/engine/upload/dry-run/results.ts'
import { runDryRun } from '../../../../electron/engine/upload/dry-run/run-dry-run.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'
import { countingProxy } from '../../../helpers/counting-proxy.ts'
import { ENGINE_WORKER_SOURCE } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// A dry run against each provider's sandbox, behind a proxy that counts every request that reaches
// it: the sandbox holds one customer of the file already (uploaded for real first), and the dry run
// must make no write at all, leave the sandbox as it was, and say which rows would create and which
// would update where the provider's upload looks customers up first.

const ROWS = 6
const worker = new WorkerClient(ENGINE_WORKER_SOURCE)
const jobs = new JobManager()
const files = tempFiles()
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()))
})
afterAll(async () => {
  await worker.close()
  files.cleanup()
})

/** Reads `csv` in the real worker and maps it for `providerId` as the app's automatic match does. */
async function mappedDataset(providerId: ProviderId, csv: string) {
  const datasetId = randomUUID()
  const path = files.write(`${datasetId}.csv`, csv)
  const summary = await worker.request('ingest', { path, datasetId, options: {} })
  const assignments = autoMatch(summary.headers, PROVIDERS[providerId]).map(({ field, column }) => ({
    field,
    column,
  }))
  const validation = await worker.request('applyMapping', {
    datasetId,
    mapping: { providerId, assignments },
  })
  return { datasetId, rowCount: summary.rowCount, validation }
}

async function sandboxBehindProxy(providerId: ProviderId) {
  const sandbox: RunningSandbox = await startSandbox(providerId, { faults: { jobDelayMs: 5 } })
  const proxy = await countingProxy(sandbox.baseUrl)
  cleanups.push(proxy.close, sandbox.close)
  const target: ConnectionTarget = {
    baseUrl: proxy.baseUrl,
    settings: sandbox.settings,
    secrets: sandbox.secrets,
  }
  return { sandbox, proxy, target }
}

async function dryRun(
  job: { providerId: ProviderId; datasetId: string; rowCount: number; target: ConnectionTarget },
  include: 'valid' | 'all' = 'valid',
) {
  const results = new DryRunResults(job.rowCount)
  const recorder = recordJob()
  jobs.start('upload', recorder.listener, (ctx) =>
    runDryRun({ worker, include, results, rowsInFile: job.rowCount, ...job }, ctx),
  )
  const terminal = await recorder.terminal
  if (terminal.type !== 'completed') throw new Error(JSON.stringify(terminal))
  return {
    result: terminal.result as Extract<JobResult, { kind: 'upload' }>,
    results,
    events: recorder.events,
  }
}

const WRITE = /^(POST|PUT|PATCH|DELETE) /
/** Omnidesk's search is a POST that reads; every other POST/PUT of these APIs writes. */
const isWrite = (request: string) => WRITE.test(request) && !request.includes('SearchByPrimaryExternalID')
/** Token requests (OAuth) change nothing at the provider either. */
const isCustomerWrite = (request: string) => isWrite(request) && !/oauth|token/i.test(request)

const LOOKS_UP = new Set<ProviderId>(['kustomer', 'thulium', 'omnidesk'])

describe('a dry run against each sandbox', () => {
  it.each(ProviderId.options)('%s: makes no write and tells what would happen', async (providerId) => {
    const { sandbox, proxy, target } = await sandboxBehindProxy(providerId)
    const dataset = await mappedDataset(providerId, tableAsCsv(sampleCustomers(ROWS, 7)))
    expect(dataset.validation.withErrors).toBe(0)

    // Seed: the file's first row really uploaded, so the sandbox already has that customer.
    const first = await worker.request('prepare', { ...dataset, offset: 0, limit: 1, include: 'valid' })
    const context = { signal: new AbortController().signal, fetch: globalThis.fetch, sleep }
    for await (const outcomes of TRANSPORTS[providerId].upload(first.items, target, context)) {
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['created'])
    }
    const customersBefore = sandbox.customerCount()
    expect(customersBefore).toBe(1)
    proxy.seen.length = 0

    const { result, results } = await dryRun({ providerId, target, ...dataset })

    expect(proxy.seen.filter(isCustomerWrite)).toEqual([])
    expect(sandbox.customerCount()).toBe(customersBefore)
    const totals = result.dryRun!
    expect(totals.rows).toBe(ROWS)
    expect(totals.wouldCreate + totals.wouldUpdate + totals.wouldSend + totals.skipped + totals.failed).toBe(
      ROWS,
    )
    expect(result.totals).toEqual({ rows: ROWS, created: 0, updated: 0, skipped: ROWS, failed: 0 })
    const statuses = results.page(0, ROWS).map((outcome) => outcome.status)
    if (LOOKS_UP.has(providerId)) {
      expect(statuses).toEqual(['wouldUpdate', ...Array<string>(ROWS - 1).fill('wouldCreate')])
      expect(totals.lookups).toBeGreaterThan(0)
      expect(totals.lookups).toBe(proxy.seen.length)
    } else {
      expect(statuses).toEqual(Array<string>(ROWS).fill('wouldSend'))
      expect(totals.lookups).toBe(0)
    }
    expect(totals.requests).toBeGreaterThanOrEqual(1)
  })
})

describe('what a dry run reports', () => {
  it('counts the requests the upload would make, as the provider plans them by count', async () => {
    const { target } = await sandboxBehindProxy('kustomer')
    const rows = 250 // Kustomer takes 100 customers per request
    const dataset = await mappedDataset('kustomer', tableAsCsv(sampleCustomers(rows, 3)))
    const { result } = await dryRun({ providerId: 'kustomer', target, ...dataset })
    expect(result.dryRun).toMatchObject({ rows, wouldCreate: rows, requests: 3 })
  })

  it('fails a row too large for any request with the reason, and skips invalid rows with theirs', async () => {
    const { target } = await sandboxBehindProxy('kustomer')
    const table = sampleCustomers(3, 5)
    table.rows[1]![SAMPLE_HEADERS.indexOf('Full name')] = 'x'.repeat(PROVIDERS.kustomer.limits.maxBodyBytes)
    table.rows[2]![SAMPLE_HEADERS.indexOf('Email')] = 'not an email'
    const dataset = await mappedDataset('kustomer', tableAsCsv(table))
    // All rows: the provider's own planning meets the large row, and it fails with Kustomer's reason.
    const all = await dryRun({ providerId: 'kustomer', target, ...dataset }, 'all')
    expect(all.results.page(1, 1)[0]).toMatchObject({
      row: 3,
      status: 'failed',
      message: expect.stringMatching(/too large to send/),
    })
    expect(all.result.dryRun).toMatchObject({ rows: 3, wouldCreate: 2, failed: 1, skipped: 0, requests: 1 })
    // Valid rows only: the invalid email is skipped with the validation's reason, before any planning.
    const valid = await dryRun({ providerId: 'kustomer', target, ...dataset }, 'valid')
    expect(valid.results.page(2, 1)[0]).toMatchObject({
      row: 4,
      status: 'skipped',
      message: expect.stringMatching(/not an email/),
    })
    const totals = valid.result.dryRun!
    expect(totals.wouldCreate + totals.skipped + totals.failed).toBe(3)
  })

  it('counts a later row with the External ID of an earlier new one as an update, as the upload does', async () => {
    const { target } = await sandboxBehindProxy('kustomer')
    const table = sampleCustomers(3, 9)
    const id = SAMPLE_HEADERS.indexOf('Customer ID')
    table.rows[2]![id] = table.rows[0]![id]!
    const dataset = await mappedDataset('kustomer', tableAsCsv(table))
    const { results } = await dryRun({ providerId: 'kustomer', target, ...dataset })
    expect(results.page(0, 3).map((outcome) => outcome.status)).toEqual([
      'wouldCreate',
      'wouldCreate',
      'wouldUpdate',
    ])
  })
})
