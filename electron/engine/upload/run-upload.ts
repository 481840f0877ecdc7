import { AppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import type { JobResult } from '#shared/jobs.ts'
import type { ProviderDefinition, RowOutcome } from '#shared/providers/types.ts'
import type { WorkerClient } from '../dataset/worker-client.ts'
import type { JobContext } from '../jobs/job-manager.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  ProviderTransport,
  TransportContext,
} from '../providers/types.ts'
import type { UploadJournal } from './journal.ts'
import { notResentMessage, safeToResend } from './resend-policy.ts'
import { sleep } from './sleep.ts'
import type { UploadResults } from './upload-results.ts'

/** Rows asked of the worker at a time; the transport splits them into provider-sized requests. */
export const PAGE_ROWS = 500

export interface UploadJob {
  worker: WorkerClient
  datasetId: string
  include: 'valid' | 'all'
  provider: ProviderDefinition
  transport: ProviderTransport
  target: ConnectionTarget
  results: UploadResults
  /** Every step is written here before and after it happens (crash-safe resume). */
  journal: UploadJournal
  /** When resuming: rows that were on their way when the upload stopped. Rows with outcomes are in `results`. */
  inDoubt?: ReadonlySet<number>
  /** Send only these source rows (a retry); every other row of the file is left alone. */
  onlyRows?: ReadonlySet<number>
  /** Data rows in the file (what the pages run over); `results` counts only the rows sent. Default: all. */
  rowsInFile?: number
  fetch?: typeof globalThis.fetch
  /**
   * The connection as saved now, read again after the provider refused the credentials and the person
   * updated them: without it, refused credentials end the upload.
   */
  refreshTarget?: () => Promise<ConnectionTarget>
}

/**
 * Sends every row of a dataset and records one outcome per row, in the results and the journal. If
 * the job stops early (cancelled, or the provider refused the credentials) the rows that were not
 * sent are recorded as skipped with the reason, so the totals still add up to the number of rows.
 * Rows that already have an outcome (a resumed upload) are not sent again.
 */
export async function runUpload(job: UploadJob, ctx: JobContext): Promise<JobResult> {
  const { worker, datasetId, include, transport, results, journal } = job
  let target = job.target
  const inDoubt = new Set(job.inDoubt)
  const transportContext: TransportContext = {
    signal: ctx.signal,
    fetch: job.fetch ?? globalThis.fetch,
    sleep,
  }
  const record = (outcomes: readonly RowOutcome[]) => {
    const fresh = outcomes.filter((outcome) => !results.has(outcome.row))
    journal.outcomes(fresh)
    results.record(fresh)
  }
  const report = () => ctx.progress({ done: results.done, total: results.rowCount, unit: 'rows' })
  const rowsInFile = job.rowsInFile ?? results.rowCount
  let offset = 0
  try {
    while (offset < rowsInFile && !ctx.signal.aborted) {
      await ctx.whilePaused()
      const page = await worker.request('prepare', { datasetId, offset, limit: PAGE_ROWS, include })
      record(page.skipped.filter((outcome) => wanted(job, outcome.row)))
      const { items, notResent } = toSend(job, page.items, inDoubt)
      record(notResent)
      journal.sending(items.map((item) => item.row))
      try {
        for await (const outcomes of transport.upload(items, target, transportContext)) {
          record(outcomes)
          report()
          // Paused: the transport is not asked for its next batch, so it sends nothing new meanwhile.
          await ctx.whilePaused()
        }
      } catch (error) {
        if (!refusedCredentials(error) || !job.refreshTarget || ctx.signal.aborted) throw error
        // A revoked or changed key: hold the upload instead of failing every row left, and let the
        // person fix the connection. Rows of this page that were on their way without an answer may
        // have arrived before the refusal, so they are in doubt, as after a crash.
        for (const item of items) if (!results.has(item.row)) inDoubt.add(item.row)
        ctx.pause(t('engine:upload.credentialsRefused', { problem: error.message }))
        await ctx.whilePaused()
        if (ctx.signal.aborted) break
        target = await job.refreshTarget()
        continue // the same page again: rows with an answer are not sent twice
      }
      report()
      offset += PAGE_ROWS
    }
  } catch (error) {
    const reason = error instanceof AppError ? error.message : t('engine:upload.unexpectedStop')
    await recordUnsent(job, record, message('engine:upload.notSent', { reason }))
    journal.finished(results.totals())
    throw error
  }
  if (ctx.signal.aborted) {
    await recordUnsent(job, record, message('engine:upload.notSentCancelled'))
    journal.finished(results.totals())
    throw new AppError('JOB_CANCELLED', t('engine:upload.cancelled'))
  }
  journal.finished(results.totals())
  return { kind: 'upload', totals: results.totals() }
}

/** The rows of a page still to send; rows in doubt (after a crash or a refusal) are resent only when that is safe. */
function toSend(
  job: UploadJob,
  items: readonly PreparedItem[],
  inDoubt: ReadonlySet<number>,
): { items: PreparedItem[]; notResent: RowOutcome[] } {
  const send: PreparedItem[] = []
  const notResent: RowOutcome[] = []
  for (const item of items) {
    if (job.results.has(item.row) || !wanted(job, item.row)) continue
    const settings = job.target.settings
    if (inDoubt.has(item.row) && !safeToResend(job.provider.id, item.record, settings)) {
      notResent.push({
        row: item.row,
        status: 'failed',
        ...sentence(notResentMessage(job.provider, settings)),
      })
    } else {
      send.push(item)
    }
  }
  return { items: send, notResent }
}

/** The provider refused the credentials (a revoked, expired or changed key), not the data. */
function refusedCredentials(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'PROVIDER_AUTH'
}

function wanted(job: UploadJob, row: number): boolean {
  return job.onlyRows === undefined || job.onlyRows.has(row)
}

/** Marks every row without an outcome as skipped, saying `why`. */
async function recordUnsent(
  job: UploadJob,
  record: (outcomes: readonly RowOutcome[]) => void,
  why: Message,
): Promise<void> {
  const said = sentence(why)
  const { worker, datasetId, results } = job
  const rowsInFile = job.rowsInFile ?? results.rowCount
  for (let offset = 0; offset < rowsInFile; offset += PAGE_ROWS) {
    const page = await worker.request('prepare', { datasetId, offset, limit: PAGE_ROWS, include: 'all' })
    const open = (row: number) => !results.has(row) && wanted(job, row)
    // Rows the person excluded or chose against as duplicates keep that reason: it is still true.
    const decided = page.skipped.filter((outcome) => open(outcome.row))
    const unsent: RowOutcome[] = page.items
      .filter((item) => open(item.row))
      .map((item) => ({ row: item.row, status: 'skipped', ...said }))
    record([...decided, ...unsent])
  }
}
