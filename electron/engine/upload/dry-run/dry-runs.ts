import type { ConnectionId, DatasetId, JobId } from '#shared/ids.ts'
import type { ParsedReq, Res } from '#shared/ipc/contract.ts'
import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { JobListener } from '../../jobs/job-manager.ts'
import type { UploadHost } from '../uploads.ts'
import { DryRunResults } from './results.ts'
import { runDryRun } from './run-dry-run.ts'

/**
 * Dry runs of this session. A dry run is an upload job (same progress, pause and cancel) that writes
 * nothing to the provider and no journal: it is not in the upload history or offered for resuming,
 * because nothing happened that could be continued or looked back on. Its results say it was a dry run.
 */
export class DryRuns {
  private readonly host: UploadHost
  private readonly started = new Map<JobId, { results: DryRunResults; datasetId: DatasetId }>()

  constructor(host: UploadHost) {
    this.host = host
  }

  async start(
    req: { datasetId: DatasetId; connectionId: ConnectionId; include: 'valid' | 'all' },
    listener: JobListener,
  ): Promise<JobId> {
    const dataset = this.host.dataset(req.datasetId)
    const mapping = dataset.mapping
    if (!mapping) throw new AppError('MAPPING_INVALID', t('engine:dataset.mapFirst'))
    const target = await this.host.connections.target(mapping.providerId, req.connectionId)
    const results = new DryRunResults(dataset.summary.rowCount)
    const jobId = this.host.jobs.start('upload', listener, (ctx) =>
      runDryRun(
        {
          worker: this.host.worker,
          datasetId: req.datasetId,
          include: req.include,
          providerId: mapping.providerId,
          target,
          results,
          rowsInFile: dataset.summary.rowCount,
        },
        ctx,
      ),
    )
    this.started.set(jobId, { results, datasetId: req.datasetId })
    return jobId
  }

  isDryRun(jobId: JobId): boolean {
    return this.started.has(jobId)
  }

  /** The rows' dry-run outcomes; `totals` says what happened at the provider (nothing), `dryRun` what would. */
  results(req: ParsedReq<'upload:results'>): Res<'upload:results'> | null {
    const results = this.started.get(req.jobId)?.results
    if (!results) return null
    return {
      totals: results.uploadTotals(),
      dryRun: results.totals(),
      rows: results.page(req.offset, req.limit),
    }
  }

  /** The rows that would fail or be skipped, as an upload's unsuccessful rows; null when not a dry run. */
  unsuccessful(jobId: JobId): { datasetId: DatasetId; outcomes: RowOutcome[] } | null {
    const started = this.started.get(jobId)
    if (!started) return null
    const { results, datasetId } = started
    const outcomes = results
      .page(0, results.rowCount)
      .flatMap((outcome): RowOutcome[] =>
        outcome.status === 'failed' || outcome.status === 'skipped'
          ? [{ ...outcome, status: outcome.status }]
          : [],
      )
    return { datasetId, outcomes }
  }
}
