import { AppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import type { ProviderId } from '#shared/ids.ts'
import type { JobResult } from '#shared/jobs.ts'
import type { WorkerClient } from '../../dataset/worker-client.ts'
import type { JobContext } from '../../jobs/job-manager.ts'
import type { ConnectionTarget, TransportContext } from '../../providers/types.ts'
import { PAGE_ROWS } from '../run-upload.ts'
import { sleep } from '../sleep.ts'
import { readOnlyFetch } from './read-only-fetch.ts'
import { DRY_RUN_PLANNERS } from './registry.ts'
import type { DryRunResults } from './results.ts'
import type { DryRunOutcome } from './types.ts'

export interface DryRunJob {
  worker: WorkerClient
  datasetId: string
  include: 'valid' | 'all'
  providerId: ProviderId
  target: ConnectionTarget
  results: DryRunResults
  /** Data rows in the file (what the pages run over). */
  rowsInFile: number
  fetch?: typeof globalThis.fetch
}

/**
 * An upload that stops short of writing: every row is read, mapped, validated and included or
 * skipped exactly as `runUpload` does (the same worker pages), then handed to the provider's dry-run
 * planner instead of its transport. No journal: there is nothing to resume. If it stops early the rows
 * without an outcome are recorded as skipped with the reason, so the totals still add up.
 */
export async function runDryRun(job: DryRunJob, ctx: JobContext): Promise<JobResult> {
  const { worker, datasetId, include, target, results } = job
  const planner = DRY_RUN_PLANNERS[job.providerId]
  let refused: AppError | null = null
  const transportContext: TransportContext = {
    signal: ctx.signal,
    fetch: readOnlyFetch(job.fetch ?? globalThis.fetch, planner.isRead, {
      onRead: () => results.lookups++,
      onRefused: (error) => (refused ??= error),
    }),
    sleep,
  }
  const record = (outcomes: readonly DryRunOutcome[]) =>
    results.record(outcomes.filter((o) => !results.has(o.row)))
  const report = () => ctx.progress({ done: results.done, total: results.rowCount, unit: 'rows' })
  const created = new Set<string>()
  try {
    for (let offset = 0; offset < job.rowsInFile && !ctx.signal.aborted; offset += PAGE_ROWS) {
      await ctx.whilePaused()
      const page = await worker.request('prepare', { datasetId, offset, limit: PAGE_ROWS, include })
      record(
        page.skipped.map(({ row, message, said }) => ({
          row,
          status: 'skipped',
          ...(message ? { message } : {}),
          ...(said ? { said } : {}),
        })),
      )
      for await (const step of planner.plan(page.items, target, transportContext, created)) {
        if (refused) throw refused
        record(step.outcomes)
        results.requests += step.requests
        report()
        await ctx.whilePaused()
      }
      if (refused) throw refused
      report()
    }
  } catch (error) {
    const reason = error instanceof AppError ? error.message : t('engine:dryRun.unexpectedStop')
    await recordUnplanned(job, message('engine:dryRun.notChecked', { reason }))
    throw refused ?? error
  }
  if (ctx.signal.aborted) {
    await recordUnplanned(job, message('engine:dryRun.notCheckedCancelled'))
    throw new AppError('JOB_CANCELLED', t('engine:dryRun.cancelled'))
  }
  return { kind: 'upload', totals: results.uploadTotals(), dryRun: results.totals() }
}

/** Marks every row without an outcome as skipped, saying `why`. */
async function recordUnplanned(job: DryRunJob, why: Message): Promise<void> {
  const { worker, datasetId, results } = job
  const said = sentence(why)
  for (let offset = 0; offset < job.rowsInFile; offset += PAGE_ROWS) {
    const page = await worker.request('prepare', { datasetId, offset, limit: PAGE_ROWS, include: 'all' })
    results.record(
      page.items
        .filter((item) => !results.has(item.row))
        .map((item): DryRunOutcome => ({ row: item.row, status: 'skipped', ...said })),
    )
  }
}
