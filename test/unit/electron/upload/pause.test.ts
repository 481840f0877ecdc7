import { afterAll, describe, expect, it } from 'vitest'
import { SANDBOX_CONNECTION_ID } from '#shared/ids.ts'
import type { JobEvent } from '#shared/jobs.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { SAMPLE_HEADERS, sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Pause holds an upload between requests: what is on its way finishes, nothing new is sent until it is
// continued, and cancelling a paused upload still accounts for every row.

const engine = engineFromSource()
const files = tempFiles()
afterAll(async () => {
  await engine.close()
  files.cleanup()
})

const ROWS = 250 // three Kustomer requests of up to 100

async function mappedDataset(rows = ROWS) {
  const ingest = recordJob()
  engine.openFile(
    files.write(`customers-${Math.random()}.csv`, tableAsCsv(sampleCustomers(rows, 11))),
    ingest.listener,
  )
  const terminal = await ingest.terminal
  if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest')
    throw new Error(JSON.stringify(terminal))
  const datasetId = terminal.result.dataset.datasetId
  const assignments = autoMatch(SAMPLE_HEADERS, kustomer).map(({ field, column }) => ({ field, column }))
  await engine.applyMapping({ datasetId, mapping: { providerId: 'kustomer', assignments } })
  return datasetId
}

/** Resolves with the first event of `type` (events before it are in `events` too). */
function eventOf(events: JobEvent[], type: JobEvent['type']): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (events.some((event) => event.type === type) ? resolve() : setTimeout(poll, 10))
    poll()
  })
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

describe('pausing an upload', () => {
  it('sends nothing new while paused, and finishes every row once continued', async () => {
    const datasetId = await mappedDataset()
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      (event) => {
        job.listener(event)
        // Pause as soon as the first request's rows are in: the job holds before the second.
        if (
          event.type === 'progress' &&
          event.done > 0 &&
          !job.events.some((seen) => seen.type === 'paused')
        ) {
          engine.pause(jobId)
        }
      },
    )
    await eventOf(job.events, 'paused')
    const doneAtPause = engine.uploadResults({ jobId, offset: 0, limit: 1 }).totals
    await settle()
    const doneLater = engine.uploadResults({ jobId, offset: 0, limit: 1 }).totals
    expect(doneLater).toEqual(doneAtPause)
    const sentWhilePaused = doneLater.created + doneLater.updated + doneLater.failed
    expect(sentWhilePaused).toBeGreaterThan(0)
    expect(sentWhilePaused).toBeLessThan(ROWS)
    expect(engine.pause(jobId)).toBe(false) // already paused

    expect(engine.continue(jobId)).toBe(true)
    const terminal = await job.terminal
    expect(terminal).toMatchObject({ type: 'completed', result: { totals: { rows: ROWS, created: ROWS } } })
    const types = job.events.map((event) => event.type)
    expect(types.indexOf('continued')).toBeGreaterThan(types.indexOf('paused'))
    expect(engine.continue(jobId)).toBe(false) // over
  })

  it('cancels a paused upload, listing the rows it did not send as skipped', async () => {
    const datasetId = await mappedDataset()
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      (event) => {
        job.listener(event)
        if (
          event.type === 'progress' &&
          event.done > 0 &&
          !job.events.some((seen) => seen.type === 'paused')
        ) {
          engine.pause(jobId)
        }
      },
    )
    await eventOf(job.events, 'paused')
    expect(engine.cancel(jobId)).toBe(true)
    await expect(job.terminal).resolves.toMatchObject({ type: 'cancelled' })
    const { totals } = engine.uploadResults({ jobId, offset: 0, limit: 1 })
    expect(totals.rows).toBe(ROWS)
    expect(totals.created + totals.updated + totals.failed + totals.skipped).toBe(ROWS)
    expect(totals.skipped).toBeGreaterThan(0)
  })

  it('keeps the reason of a row excluded in review when the upload is cancelled before reaching it', async () => {
    const rows = 1_200 // past the first pages of 500 the upload prepares at a time
    const datasetId = await mappedDataset(rows)
    const lastRow = rows + 1 // the header is row 1
    await engine.exclude({ datasetId, excluded: true, target: { kind: 'rows', rows: [lastRow] } })
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      (event) => {
        job.listener(event)
        if (event.type === 'progress' && event.done > 0 && !job.events.some((seen) => seen.type === 'paused'))
          engine.pause(jobId)
      },
    )
    await eventOf(job.events, 'paused')
    engine.cancel(jobId)
    await job.terminal
    const results = engine.uploadResults({ jobId, offset: 0, limit: rows })
    const { totals } = results
    expect(totals.created + totals.updated + totals.failed + totals.skipped).toBe(rows)
    expect(results.rows.find((outcome) => outcome.row === lastRow)).toMatchObject({
      status: 'skipped',
      message: 'Excluded in review',
    })
  })
})
