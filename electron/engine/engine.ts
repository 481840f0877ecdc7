import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError, type ErrorCode } from '#shared/errors.ts'
import type { ConnectionId, DatasetId, JobId, ProviderId } from '#shared/ids.ts'
import type {
  ConnectionDraft,
  ConnectionSummary,
  ParsedReq,
  Res,
  PastUpload,
  UnfinishedUpload,
  ValidationSummary,
} from '#shared/ipc/contract.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import type { DatasetSummary, JobResult } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Connections } from './connections/connections.ts'
import { SandboxPool } from './connections/sandbox-pool.ts'
import { savedConnectionsFile } from './connections/saved-connections.ts'
import { FileSecretStore, type SecretStore } from './connections/secret-store.ts'
import { WorkerClient } from './dataset/worker-client.ts'
import { JobManager, type JobContext, type JobListener } from './jobs/job-manager.ts'
import { TRANSPORTS } from './providers/registry.ts'
import type { ConnectionCheck, ConnectionTarget } from './providers/types.ts'
import { cliDataDir } from './storage/data-dir.ts'
import {
  allJournals,
  journalDir,
  JOURNAL_VERSION,
  readJournal,
  unfinishedJournals,
  UploadJournal,
  type JournalState,
} from './upload/journal.ts'
import { runUpload } from './upload/run-upload.ts'
import { isUnsuccessful, unsuccessfulRowsCsv } from './upload/unsuccessful-rows-csv.ts'
import { UploadResults } from './upload/upload-results.ts'

/** A file read in this session: where it came from and how, and the mapping applied to it. */
interface OpenDataset {
  summary: DatasetSummary
  path: string
  options: IngestOptions
  mapping: Mapping | null
}

export interface EngineOptions {
  /** Path of the built dataset worker (`engine-worker.js`), next to the entry that creates the engine. */
  workerPath: string
  /** Folder for saved connections (see cliDataDir for the web bridge and CLI default). */
  dataDir?: string
  /** Where connection secrets go; default: a 0600 file in `dataDir` (the desktop app passes safeStorage). */
  secretStore?: SecretStore
}

/**
 * Everything Crosswalk does, as plain Node: the IPC handlers (Electron and web bridge), the CLI and the
 * tests all drive this one object.
 */
export class Engine {
  readonly jobs = new JobManager()
  private readonly worker: WorkerClient
  private readonly sandboxes = new SandboxPool()
  private readonly connections: Connections
  private readonly secrets: SecretStore
  private readonly datasets = new Map<DatasetId, OpenDataset>()
  private readonly dataDir: string
  private readonly uploads = new Map<JobId, { results: UploadResults; datasetId: DatasetId }>()

  constructor(options: EngineOptions) {
    this.worker = new WorkerClient(options.workerPath)
    const dataDir = options.dataDir ?? cliDataDir()
    this.dataDir = dataDir
    this.secrets = options.secretStore ?? new FileSecretStore(join(dataDir, 'connection-secrets.json'), null)
    this.connections = new Connections(
      this.sandboxes,
      savedConnectionsFile(join(dataDir, 'connections.json')),
      this.secrets,
    )
  }

  openFile(path: string, listener: JobListener, options: IngestOptions = {}): JobId {
    const datasetId = randomUUID() as DatasetId
    return this.jobs.start('ingest', listener, async (ctx) => {
      const summary = await this.worker.request(
        'ingest',
        { path, datasetId, options },
        { signal: ctx.signal, onProgress: (progress) => ctx.progress(progress) },
      )
      this.datasets.set(datasetId, { summary, path, options, mapping: null })
      return { kind: 'ingest', dataset: summary }
    })
  }

  /** What was read from a file opened in this session. */
  datasetSummary(datasetId: DatasetId): DatasetSummary {
    return this.requireDataset(datasetId).summary
  }

  cancel(jobId: JobId): boolean {
    return this.jobs.cancel(jobId)
  }

  rows(req: ParsedReq<'dataset:rows'>): Promise<Res<'dataset:rows'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('rows', req)
  }

  async applyMapping(req: ParsedReq<'dataset:applyMapping'>): Promise<Res<'dataset:applyMapping'>> {
    const dataset = this.requireDataset(req.datasetId)
    const summary = await this.worker.request('applyMapping', req)
    dataset.mapping = req.mapping
    return summary
  }

  editCell(req: ParsedReq<'dataset:editCell'>): Promise<Res<'dataset:editCell'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('editCell', req)
  }

  /** Cells of source rows with the user's edits, in the order asked. */
  sourceCells(datasetId: DatasetId, rows: number[]): Promise<string[][]> {
    this.requireDataset(datasetId)
    return this.worker.request('cells', { datasetId, rows })
  }

  listConnections(providerId: ProviderId): Promise<ConnectionSummary[]> {
    return this.connections.list(providerId)
  }

  saveConnection(draft: ConnectionDraft): ConnectionSummary {
    return this.connections.save(draft)
  }

  deleteConnection(id: ConnectionId): { deleted: boolean } {
    return { deleted: this.connections.delete(id) }
  }

  testConnection(draft: ConnectionDraft): Promise<ConnectionCheck> {
    return this.connections.test(draft)
  }

  secretStorage(): { encrypted: boolean; description: string } {
    return { encrypted: this.secrets.encrypted, description: this.secrets.description }
  }

  async startUpload(
    req: { datasetId: DatasetId; connectionId: ConnectionId; include: 'valid' | 'all' },
    listener: JobListener,
  ): Promise<JobId> {
    const dataset = this.requireDataset(req.datasetId)
    const mapping = dataset.mapping
    if (!mapping) throw new AppError('MAPPING_INVALID', 'Map the columns to the provider’s fields first.')
    const { providerId } = mapping
    const target = await this.connections.target(providerId, req.connectionId)
    const connection = (await this.connections.list(providerId)).find((c) => c.id === req.connectionId)
    const { size, mtimeMs } = await stat(dataset.path)
    const results = new UploadResults(dataset.summary.rowCount)
    const edits = await this.worker.request('edits', { datasetId: req.datasetId })
    const jobId = this.jobs.start('upload', listener, (ctx) => {
      const journal = UploadJournal.create(journalDir(this.dataDir), {
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
        rowCount: dataset.summary.rowCount,
      })
      return this.runJournaledUpload(ctx, {
        datasetId: req.datasetId,
        include: req.include,
        target,
        results,
        journal,
        providerId,
      })
    })
    this.uploads.set(jobId, { results, datasetId: req.datasetId })
    return jobId
  }

  /** Uploads that stopped (the app or computer was shut down mid-upload) and can be resumed. */
  unfinishedUploads(): JournalState[] {
    return unfinishedJournals(journalDir(this.dataDir))
  }

  /** The same, as the screens show them. */
  unfinishedUploadList(): UnfinishedUpload[] {
    return this.unfinishedUploads().map(({ header, outcomes }) => ({
      id: header.jobId,
      fileName: basename(header.file.path),
      providerId: header.providerId,
      connectionName: header.connectionName,
      startedAt: header.createdAt,
      answered: outcomes.size,
      rowCount: header.rowCount,
    }))
  }

  /** Uploads made on this computer, newest first, with their totals. */
  uploadHistory(limit: number): PastUpload[] {
    return allJournals(journalDir(this.dataDir))
      .slice(0, limit)
      .map(({ header, outcomes, finished }) => {
        const totals = { rows: header.rowCount, created: 0, updated: 0, skipped: 0, failed: 0 }
        for (const { status } of outcomes.values()) totals[status]++
        return {
          id: header.jobId,
          fileName: basename(header.file.path),
          providerId: header.providerId,
          connectionName: header.connectionName,
          startedAt: header.createdAt,
          finished,
          totals,
        }
      })
  }

  /** Resumes by job id (the screens never send paths): what the upload screen needs to show it. */
  async resumeUploadById(id: string, listener: JobListener): Promise<Res<'uploads:resume'>> {
    const state = readJournal(this.journalPath(id))
    if (!state) throw new AppError('JOB_NOT_FOUND', 'This upload cannot be resumed any more.')
    const { jobId, datasetId, validation } = await this.resumeUpload(state.path, listener)
    const { summary } = this.requireDataset(datasetId)
    return {
      jobId,
      dataset: summary,
      validation,
      mapping: state.header.mapping,
      connectionId: state.header.connectionId,
    }
  }

  /** Gives up on a stopped upload: it is no longer offered for resuming. */
  discardUpload(id: string): boolean {
    const path = this.journalPath(id)
    const state = readJournal(path)
    if (!state || state.finished) return false
    const journal = UploadJournal.reopen(path)
    journal.finished()
    journal.close()
    return true
  }

  private journalPath(id: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError('JOB_NOT_FOUND', 'There is no such upload.')
    return join(journalDir(this.dataDir), `${id}.jsonl`)
  }

  /**
   * Continues a stopped upload from its journal: reads the same file again (refusing it if it
   * changed), restores the mapping and edits, and sends only the rows without an answer. Rows that
   * were on their way when it stopped are resent only where that cannot create a duplicate.
   */
  async resumeUpload(
    journalPath: string,
    listener: JobListener,
  ): Promise<{ jobId: JobId; datasetId: DatasetId; validation: ValidationSummary }> {
    const state = readJournal(journalPath)
    if (!state)
      throw new AppError('JOB_NOT_FOUND', 'This upload cannot be resumed: its journal is unreadable.')
    if (state.finished)
      throw new AppError('JOB_NOT_FOUND', 'This upload already finished; there is nothing to resume.')
    const { header } = state
    const { size, mtimeMs } = await stat(header.file.path).catch(() => ({ size: -1, mtimeMs: -1 }))
    if (size !== header.file.size || mtimeMs !== header.file.modifiedMs) {
      throw new AppError(
        'FILE_UNREADABLE',
        `"${header.file.path}" was changed or moved since the upload started, so Crosswalk cannot tell which of its rows were sent. Upload it as a new file.`,
      )
    }
    const dataset = await this.readForResume(header.file.path, header.ingest)
    if (dataset.rowCount !== header.rowCount) {
      throw new AppError(
        'FILE_UNREADABLE',
        `"${dataset.fileName}" no longer reads the same way; upload it as a new file.`,
      )
    }
    let validation = await this.applyMapping({ datasetId: dataset.datasetId, mapping: header.mapping })
    for (const [row, column, value] of header.edits) {
      const edited = await this.worker.request('editCell', {
        datasetId: dataset.datasetId,
        row,
        column,
        value,
      })
      validation = edited.summary
    }
    const target = await this.connections.target(header.providerId, header.connectionId)
    const results = new UploadResults(header.rowCount)
    results.record([...state.outcomes.values()])
    const journal = UploadJournal.reopen(journalPath)
    const jobId = this.jobs.start('upload', listener, (ctx) =>
      this.runJournaledUpload(ctx, {
        datasetId: dataset.datasetId,
        include: header.include,
        target,
        results,
        journal,
        inDoubt: state.inDoubt,
        providerId: header.providerId,
      }),
    )
    this.uploads.set(jobId, { results, datasetId: dataset.datasetId })
    return { jobId, datasetId: dataset.datasetId, validation }
  }

  private async runJournaledUpload(
    ctx: JobContext,
    job: {
      datasetId: DatasetId
      include: 'valid' | 'all'
      target: ConnectionTarget
      results: UploadResults
      journal: UploadJournal
      inDoubt?: ReadonlySet<number>
      providerId: ProviderId
    },
  ): Promise<JobResult> {
    const { providerId } = job
    try {
      return await runUpload(
        {
          worker: this.worker,
          datasetId: job.datasetId,
          include: job.include,
          provider: getProvider(providerId),
          transport: TRANSPORTS[providerId],
          target: job.target,
          results: job.results,
          journal: job.journal,
          ...(job.inDoubt ? { inDoubt: job.inDoubt } : {}),
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
      this.openFile(
        path,
        (event) => {
          if (event.type === 'completed' && event.result.kind === 'ingest') resolve(event.result.dataset)
          else if (event.type === 'failed')
            reject(new AppError(event.error.code as ErrorCode, event.error.message))
          else if (event.type === 'cancelled')
            reject(new AppError('JOB_CANCELLED', 'Reading the file was cancelled.'))
        },
        options,
      )
    })
  }

  uploadResults(req: ParsedReq<'upload:results'>): Res<'upload:results'> {
    const { results } = this.requireUpload(req.jobId)
    return { totals: results.totals(), rows: results.page(req.offset, req.limit) }
  }

  /** The rows of an upload that did not go through, as a CSV to fix and import again. */
  async unsuccessfulRows(jobId: JobId): Promise<Res<'upload:unsuccessfulRows'>> {
    const { results, datasetId } = this.requireUpload(jobId)
    const dataset = this.requireDataset(datasetId).summary
    const outcomes = results.page(0, results.rowCount).filter(isUnsuccessful)
    const cells = await this.sourceCells(
      datasetId,
      outcomes.map((outcome) => outcome.row),
    )
    const stem = dataset.fileName.replace(/\.[^.]+$/, '')
    return {
      fileName: `${stem} - not imported.csv`,
      rows: outcomes.length,
      csv: unsuccessfulRowsCsv(dataset.headers, outcomes, cells),
    }
  }

  private requireUpload(jobId: JobId) {
    const upload = this.uploads.get(jobId)
    if (!upload) throw new AppError('JOB_NOT_FOUND', 'These upload results are no longer available.')
    return upload
  }

  async close(): Promise<void> {
    this.jobs.cancelAll()
    await Promise.allSettled([this.worker.close(), this.sandboxes.closeAll()])
  }

  private requireDataset(datasetId: DatasetId) {
    const dataset = this.datasets.get(datasetId)
    if (!dataset)
      throw new AppError('DATASET_NOT_FOUND', 'This file is no longer open. Drop it again to continue.')
    return dataset
  }
}
