import { randomUUID } from 'node:crypto'
import { AppError } from '#shared/errors.ts'
import type { ConnectionId, DatasetId, JobId, ProviderId } from '#shared/ids.ts'
import type { ConnectionDraft, ConnectionSummary, ParsedReq, Res } from '#shared/ipc/contract.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import { join } from 'node:path'
import { Connections } from './connections/connections.ts'
import { savedConnectionsFile } from './connections/saved-connections.ts'
import { FileSecretStore, type SecretStore } from './connections/secret-store.ts'
import type { ConnectionCheck } from './providers/types.ts'
import { cliDataDir } from './storage/data-dir.ts'
import { SandboxPool } from './connections/sandbox-pool.ts'
import { WorkerClient } from './dataset/worker-client.ts'
import { JobManager, type JobListener } from './jobs/job-manager.ts'
import { TRANSPORTS } from './providers/registry.ts'
import { runUpload } from './upload/run-upload.ts'
import { UploadResults } from './upload/upload-results.ts'

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
  private readonly datasets = new Map<DatasetId, { summary: DatasetSummary; providerId: ProviderId | null }>()
  private readonly uploads = new Map<JobId, UploadResults>()

  constructor(options: EngineOptions) {
    this.worker = new WorkerClient(options.workerPath)
    const dataDir = options.dataDir ?? cliDataDir()
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
      this.datasets.set(datasetId, { summary, providerId: null })
      return { kind: 'ingest', dataset: summary }
    })
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
    dataset.providerId = req.mapping.providerId
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
    const providerId = dataset.providerId
    if (!providerId) throw new AppError('MAPPING_INVALID', 'Map the columns to the provider’s fields first.')
    const target = await this.connections.target(providerId, req.connectionId)
    const results = new UploadResults(dataset.summary.rowCount)
    const jobId = this.jobs.start('upload', listener, (ctx) =>
      runUpload(
        {
          worker: this.worker,
          datasetId: req.datasetId,
          include: req.include,
          transport: TRANSPORTS[providerId],
          target,
          results,
        },
        ctx,
      ),
    )
    this.uploads.set(jobId, results)
    return jobId
  }

  uploadResults(req: ParsedReq<'upload:results'>): Res<'upload:results'> {
    const results = this.uploads.get(req.jobId)
    if (!results) throw new AppError('JOB_NOT_FOUND', 'These upload results are no longer available.')
    return { totals: results.totals(), rows: results.page(req.offset, req.limit) }
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
