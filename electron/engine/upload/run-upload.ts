import { AppError } from '#shared/errors.ts'
import type { JobResult } from '#shared/jobs.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { WorkerClient } from '../dataset/worker-client.ts'
import type { JobContext } from '../jobs/job-manager.ts'
import type { ConnectionTarget, ProviderTransport, TransportContext } from '../providers/types.ts'
import { sleep } from './sleep.ts'
import type { UploadResults } from './upload-results.ts'

/** Rows asked of the worker at a time; the transport splits them into provider-sized requests. */
const PAGE_ROWS = 500

export interface UploadJob {
  worker: WorkerClient
  datasetId: string
  include: 'valid' | 'all'
  transport: ProviderTransport
  target: ConnectionTarget
  results: UploadResults
  fetch?: typeof globalThis.fetch
}

/**
 * Sends every row of a dataset and records one outcome per row. If the job stops early (cancelled,
 * or the provider refused the credentials) the rows that were not sent are recorded as skipped with
 * the reason, so the totals still add up to the number of rows.
 */
export async function runUpload(job: UploadJob, ctx: JobContext): Promise<JobResult> {
  const { worker, datasetId, include, transport, target, results } = job
  const transportContext: TransportContext = {
    signal: ctx.signal,
    fetch: job.fetch ?? globalThis.fetch,
    sleep,
  }
  const report = () => ctx.progress({ done: results.done, total: results.rowCount, unit: 'rows' })
  let offset = 0
  try {
    while (offset < results.rowCount && !ctx.signal.aborted) {
      const page = await worker.request('prepare', { datasetId, offset, limit: PAGE_ROWS, include })
      results.record(page.skipped)
      for await (const outcomes of transport.upload(page.items, target, transportContext)) {
        results.record(outcomes)
        report()
      }
      report()
      offset += PAGE_ROWS
    }
  } catch (error) {
    const reason =
      error instanceof AppError ? error.message : 'the upload stopped because of an unexpected problem'
    await recordUnsent(job, `Not sent: ${reason}`)
    throw error
  }
  if (ctx.signal.aborted) {
    await recordUnsent(job, 'Not sent: the upload was cancelled before this row was sent.')
    throw new AppError('JOB_CANCELLED', 'The upload was cancelled.')
  }
  return { kind: 'upload', totals: results.totals() }
}

/** Marks every row without an outcome as skipped with `message`. */
async function recordUnsent({ worker, datasetId, results }: UploadJob, message: string): Promise<void> {
  for (let offset = 0; offset < results.rowCount; offset += PAGE_ROWS) {
    const page = await worker.request('prepare', { datasetId, offset, limit: PAGE_ROWS, include: 'all' })
    const unsent: RowOutcome[] = page.items
      .filter((item) => !results.has(item.row))
      .map((item) => ({ row: item.row, status: 'skipped', message }))
    results.record(unsent)
  }
}
