import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError, type ErrorCode } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import {
  SANDBOX_CONNECTION_ID,
  type ConnectionId,
  type DatasetId,
  type JobId,
  type ProviderId,
} from '#shared/ids.ts'
import type { ParsedReq, PastUpload, Res, UnfinishedUpload, ValidationSummary } from '#shared/ipc/contract.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import type { DatasetSummary, JobResult, UploadTotals } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { Connections } from '../connections/connections.ts'
import type { WorkerClient } from '../dataset/worker-client.ts'
import type { JobContext, JobListener, JobManager } from '../jobs/job-manager.ts'
import { TRANSPORTS } from '../providers/registry.ts'
import type { ConnectionTarget } from '../providers/types.ts'
import {
  journalSummaries,
  journalDir,
  JOURNAL_VERSION,
  readJournal,
  unfinishedJournals,
  UploadJournal,
  type JournalState,
} from './journal.ts'
import { DryRuns } from './dry-run/dry-runs.ts'
import { runUpload } from './run-upload.ts'
import { isUnsuccessful, unsuccessfulRowsCsv } from './unsuccessful-rows-csv.ts'
import { UploadResults } from './upload-results.ts'

// Uploads as the engine runs them: started, retried and resumed, each journaled so a crash loses
// nothing, and their results kept for the session. The engine facade delegates here.

/** A file read in this session: where it came from and how, and the mapping applied to it. */
export interface OpenDataset {
  summary: DatasetSummary
  path: string
  options: IngestOptions
  mapping: Mapping | null
}

/** What uploads need from the rest of the engine. */
export interface UploadHost {
  worker: WorkerClient
  jobs: JobManager
  connections: Connections
  dataDir: string
  dataset(datasetId: DatasetId): OpenDataset
  applyMapping(req: { datasetId: DatasetId; mapping: Mapping }): Promise<ValidationSummary>
  sourceCells(datasetId: DatasetId, rows: number[]): Promise<string[][]>
  openFile(path: string, listener: JobListener, options: IngestOptions): JobId
  /** An upload started with this mapping on this file: remembered, to offer for the next similar file. */
  mappingUsed(fileName: string, headers: readonly string[], mapping: Mapping): void
}

/** An upload of this session: its results and what it was asked, so its failed rows can be retried. */
interface StartedUpload {
  results: UploadResults
  datasetId: DatasetId
  connectionId: ConnectionId
  include: 'valid' | 'all'
}

export class Uploads {
  private readonly host: UploadHost
  private readonly started = new Map<JobId, StartedUpload>()
  private readonly dryRuns: DryRuns

  constructor(host: UploadHost) {
    this.host = host
    this.dryRuns = new DryRuns(host)
  }

  /** With `dryRun`, every request is built and checked but nothing is sent (see dry-run/). */
  start(
    req: { datasetId: DatasetId; connectionId: ConnectionId; include: 'valid' | 'all'; dryRun?: boolean },
    listener: JobListener,
  ): Promise<JobId> {
    const { datasetId, connectionId, include } = req
    if (req.dryRun === true) return this.dryRuns.start({ datasetId, connectionId, include }, listener)
    return this.beginUpload({ datasetId, connectionId, include }, listener)
  }

  /** Sends again only the rows of an upload that failed or were skipped, with the data as it is now. */
  async retryUnsuccessful(jobId: JobId, listener: JobListener): Promise<JobId> {
    if (this.dryRuns.isDryRun(jobId))
      throw new AppError('JOB_NOT_FOUND', t('engine:upload.dryRunNothingToRetry'))
    const previous = this.requireUpload(jobId)
    const rows = previous.results
      .page(0, previous.results.rowCount)
      .filter(isUnsuccessful)
      .map((outcome) => outcome.row)
    if (rows.length === 0) throw new AppError('JOB_NOT_FOUND', t('engine:upload.nothingToRetry'))
    return this.beginUpload(previous, listener, new Set(rows))
  }

  private async beginUpload(
    req: { datasetId: DatasetId; connectionId: ConnectionId; include: 'valid' | 'all' },
    listener: JobListener,
    onlyRows?: ReadonlySet<number>,
  ): Promise<JobId> {
    const dataset = this.host.dataset(req.datasetId)
    const mapping = dataset.mapping
    if (!mapping) throw new AppError('MAPPING_INVALID', t('engine:dataset.mapFirst'))
    const { providerId } = mapping
    const target = await this.host.connections.target(providerId, req.connectionId)
    const connection = (await this.host.connections.list(providerId)).find((c) => c.id === req.connectionId)
    const { size, mtimeMs } = await stat(dataset.path)
    const results = new UploadResults(onlyRows?.size ?? dataset.summary.rowCount)
    const edits = await this.host.worker.request('edits', { datasetId: req.datasetId })
    const rowChoices = await this.host.worker.request('rowChoices', { datasetId: req.datasetId })
    const jobId = this.host.jobs.start('upload', listener, (ctx) => {
      const journal = UploadJournal.create(journalDir(this.host.dataDir), {
        t: 'header',
        version: JOURNAL_VERSION,
        jobId: ctx.jobId,
        createdAt: new Date().toISOString(),
        file: { path: dataset.path, size, modifiedMs: mtimeMs },
        ingest: dataset.options,
        providerId,
        connectionId: req.connectionId,
        connectionName: connection?.name ?? req.connectionId,
        mapping,
        include: req.include,
        edits,
        ...(rowChoices.excluded.length > 0 ? { excluded: rowChoices.excluded } : {}),
        duplicates: rowChoices.duplicates,
        rowCount: results.rowCount,
        ...(onlyRows ? { onlyRows: [...onlyRows] } : {}),
      })
      return this.runJournaledUpload(ctx, {
        datasetId: req.datasetId,
        include: req.include,
        connectionId: req.connectionId,
        target,
        results,
        journal,
        providerId,
        rowsInFile: dataset.summary.rowCount,
        ...(onlyRows ? { onlyRows } : {}),
      })
    })
    const { datasetId, connectionId, include } = req
    this.started.set(jobId, { results, datasetId, connectionId, include })
    if (!onlyRows) this.host.mappingUsed(dataset.summary.fileName, dataset.summary.headers, mapping)
    return jobId
  }

  /** Uploads that stopped (the app or computer was shut down mid-upload) and can be resumed. */
  unfinished(): JournalState[] {
    return unfinishedJournals(journalDir(this.host.dataDir))
  }

  /** The same, as the screens show them, with where each would send (to confirm a real account). */
  unfinishedList(): UnfinishedUpload[] {
    return this.unfinished().map(({ header, outcomes }) => {
      const sandbox = header.connectionId === SANDBOX_CONNECTION_ID
      // Only a real account is confirmed before resuming, so only its address is looked up (the
      // Sandbox's would start a sandbox server, on the first screen, for nothing).
      const baseUrl = sandbox ? undefined : this.host.connections.savedSummary(header.connectionId)?.baseUrl
      return {
        id: header.jobId,
        fileName: basename(header.file.path),
        providerId: header.providerId,
        connectionName: header.connectionName,
        sandbox,
        ...(baseUrl === undefined ? {} : { baseUrl }),
        startedAt: header.createdAt,
        answered: outcomes.size,
        rowCount: header.rowCount,
      }
    })
  }

  /** Uploads made on this computer, newest first, with their totals. */
  history(limit: number): PastUpload[] {
    return journalSummaries(journalDir(this.host.dataDir))
      .slice(0, limit)
      .map(({ path, header, finished }) => ({
        id: header.jobId,
        fileName: basename(header.file.path),
        providerId: header.providerId,
        connectionName: header.connectionName,
        startedAt: header.createdAt,
        finished: finished !== null,
        // Finished uploads recorded their totals; only stopped (or discarded) ones are counted row by row.
        totals: finished?.totals ?? countedTotals(path, header.rowCount),
      }))
  }

  /** Resumes by job id (the screens never send paths): what the upload screen needs to show it. */
  async resumeById(id: string, listener: JobListener): Promise<Res<'uploads:resume'>> {
    const state = readJournal(this.journalPath(id))
    if (!state) throw new AppError('JOB_NOT_FOUND', t('engine:upload.cannotResume'))
    const { jobId, datasetId, validation } = await this.resume(state.path, listener)
    const { summary } = this.host.dataset(datasetId)
    return {
      jobId,
      dataset: summary,
      validation,
      mapping: state.header.mapping,
      connectionId: state.header.connectionId,
    }
  }

  /** Gives up on a stopped upload: it is no longer offered for resuming. */
  discard(id: string): boolean {
    const path = this.journalPath(id)
    const state = readJournal(path)
    if (!state || state.finished) return false
    const journal = UploadJournal.reopen(path)
    journal.finished(countedTotals(path, state.header.rowCount))
    journal.close()
    return true
  }

  private journalPath(id: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError('JOB_NOT_FOUND', t('engine:upload.noSuchUpload'))
    return join(journalDir(this.host.dataDir), `${id}.jsonl`)
  }

  /**
   * Continues a stopped upload from its journal: reads the same file again (refusing it if it
   * changed), restores the mapping and edits, and sends only the rows without an answer. Rows that
   * were on their way when it stopped are resent only where that cannot create a duplicate.
   */
  async resume(
    journalPath: string,
    listener: JobListener,
  ): Promise<{ jobId: JobId; datasetId: DatasetId; validation: ValidationSummary }> {
    const state = readJournal(journalPath)
    if (!state) throw new AppError('JOB_NOT_FOUND', t('engine:upload.journalUnreadable'))
    if (state.finished) throw new AppError('JOB_NOT_FOUND', t('engine:upload.alreadyFinished'))
    const { header } = state
    const { size, mtimeMs } = await stat(header.file.path).catch(() => ({ size: -1, mtimeMs: -1 }))
    if (size !== header.file.size || mtimeMs !== header.file.modifiedMs) {
      throw new AppError('FILE_UNREADABLE', t('engine:upload.fileChanged', { path: header.file.path }))
    }
    const dataset = await this.readForResume(header.file.path, header.ingest)
    const onlyRows = header.onlyRows ? new Set(header.onlyRows) : undefined
    // The file's size and time were checked; a whole-file upload must also still have as many rows.
    if (!onlyRows && dataset.rowCount !== header.rowCount) {
      throw new AppError('FILE_UNREADABLE', t('engine:upload.readsDifferently', { name: dataset.fileName }))
    }
    let validation = await this.host.applyMapping({ datasetId: dataset.datasetId, mapping: header.mapping })
    for (const [row, column, value] of header.edits) {
      const edited = await this.host.worker.request('editCell', {
        datasetId: dataset.datasetId,
        row,
        column,
        value,
      })
      validation = edited.summary
    }
    // After the edits: duplicate groups are found on the edited values, as they were when it started.
    const { datasetId } = dataset
    if (header.excluded && header.excluded.length > 0) {
      const target = { kind: 'rows' as const, rows: header.excluded }
      validation = (await this.host.worker.request('exclude', { datasetId, target, excluded: true })).summary
    }
    if (header.duplicates) {
      const choice = header.duplicates
      validation = await this.host.worker.request('duplicateChoice', { datasetId, choice })
    }
    const target = await this.host.connections.target(header.providerId, header.connectionId)
    const results = new UploadResults(header.rowCount)
    results.record([...state.outcomes.values()])
    const journal = UploadJournal.reopen(journalPath)
    const jobId = this.host.jobs.start('upload', listener, (ctx) =>
      this.runJournaledUpload(ctx, {
        datasetId: dataset.datasetId,
        include: header.include,
        connectionId: header.connectionId,
        target,
        results,
        journal,
        inDoubt: state.inDoubt,
        providerId: header.providerId,
        rowsInFile: dataset.rowCount,
        ...(onlyRows ? { onlyRows } : {}),
      }),
    )
    this.started.set(jobId, {
      results,
      datasetId: dataset.datasetId,
      connectionId: header.connectionId,
      include: header.include,
    })
    return { jobId, datasetId: dataset.datasetId, validation }
  }

  private async runJournaledUpload(
    ctx: JobContext,
    job: {
      datasetId: DatasetId
      include: 'valid' | 'all'
      connectionId: ConnectionId
      target: ConnectionTarget
      results: UploadResults
      journal: UploadJournal
      inDoubt?: ReadonlySet<number>
      providerId: ProviderId
      rowsInFile: number
      onlyRows?: ReadonlySet<number>
    },
  ): Promise<JobResult> {
    const { providerId } = job
    try {
      return await runUpload(
        {
          worker: this.host.worker,
          datasetId: job.datasetId,
          include: job.include,
          provider: getProvider(providerId),
          transport: TRANSPORTS[providerId],
          target: job.target,
          results: job.results,
          journal: job.journal,
          rowsInFile: job.rowsInFile,
          // After refused credentials the person updates the saved connection; read it again then.
          refreshTarget: () => this.host.connections.target(providerId, job.connectionId),
          ...(job.inDoubt ? { inDoubt: job.inDoubt } : {}),
          ...(job.onlyRows ? { onlyRows: job.onlyRows } : {}),
        },
        ctx,
      )
    } finally {
      job.journal.close()
    }
  }

  /** Reads a file as an ingest job would, for a resume (no listener: the resume job reports). */
  private readForResume(path: string, options: IngestOptions): Promise<DatasetSummary> {
    return new Promise((resolve, reject) => {
      this.host.openFile(
        path,
        (event) => {
          if (event.type === 'completed' && event.result.kind === 'ingest') resolve(event.result.dataset)
          else if (event.type === 'failed')
            reject(new AppError(event.error.code as ErrorCode, event.error.message))
          else if (event.type === 'cancelled')
            reject(new AppError('JOB_CANCELLED', t('engine:file.cancelled')))
        },
        options,
      )
    })
  }

  results(req: ParsedReq<'upload:results'>): Res<'upload:results'> {
    const dryRun = this.dryRuns.results(req)
    if (dryRun) return dryRun
    const { results } = this.requireUpload(req.jobId)
    return { totals: results.totals(), rows: results.page(req.offset, req.limit) }
  }

  /** The rows of an upload that did not go through, as a CSV to fix and import again. */
  async unsuccessfulRows(jobId: JobId): Promise<Res<'upload:unsuccessfulRows'>> {
    // A dry run's rows that would fail or be skipped, so they can be fixed before the real upload.
    const { datasetId, outcomes } = this.dryRuns.unsuccessful(jobId) ?? this.unsuccessful(jobId)
    const dataset = this.host.dataset(datasetId).summary
    const cells = await this.host.sourceCells(
      datasetId,
      outcomes.map((outcome) => outcome.row),
    )
    const stem = dataset.fileName.replace(/\.[^.]+$/, '')
    return {
      fileName: t('engine:upload.unsuccessful.fileName', { name: stem }),
      rows: outcomes.length,
      csv: unsuccessfulRowsCsv(dataset.headers, outcomes, cells),
    }
  }

  private unsuccessful(jobId: JobId): { datasetId: DatasetId; outcomes: RowOutcome[] } {
    const { results, datasetId } = this.requireUpload(jobId)
    return { datasetId, outcomes: results.page(0, results.rowCount).filter(isUnsuccessful) }
  }

  private requireUpload(jobId: JobId) {
    const upload = this.started.get(jobId)
    if (!upload) throw new AppError('JOB_NOT_FOUND', t('engine:upload.resultsGone'))
    return upload
  }
}

/** The totals of a journal's recorded answers, reading every row (for uploads that did not finish). */
function countedTotals(path: string, rows: number): UploadTotals {
  const totals: UploadTotals = { rows, created: 0, updated: 0, skipped: 0, failed: 0 }
  for (const { status } of readJournal(path)?.outcomes.values() ?? []) totals[status]++
  return totals
}
