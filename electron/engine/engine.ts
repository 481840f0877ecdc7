import { randomUUID } from 'node:crypto'
import { basename, join } from 'node:path'
import { AppError } from '#shared/errors.ts'
import type { ConnectionId, DatasetId, JobId, ProviderId } from '#shared/ids.ts'
import type {
  ConnectionDraft,
  ConnectionSummary,
  ParsedReq,
  PastUpload,
  Res,
  UnfinishedUpload,
} from '#shared/ipc/contract.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import { currentLanguage, setLanguage, t } from '#shared/i18n/i18n.ts'
import type { Language } from '#shared/i18n/languages.ts'
import { Connections } from './connections/connections.ts'
import { SandboxPool } from './connections/sandbox-pool.ts'
import { savedConnectionsFile } from './connections/saved-connections.ts'
import { FileSecretStore, type SecretStore } from './connections/secret-store.ts'
import { WorkerClient } from './dataset/worker-client.ts'
import { JobManager, type JobListener } from './jobs/job-manager.ts'
import type { ConnectionCheck } from './providers/types.ts'
import { SAMPLE_FILE_NAME, writeSampleFile } from './ingest/sample-file.ts'
import { cliDataDir } from './storage/data-dir.ts'
import { MappingTemplates } from './storage/templates.ts'
import { SettingsFile } from './storage/settings.ts'
import { RecentMappings } from './storage/recent-mappings.ts'
import { templateFromAssignments } from '#shared/mapping/template.ts'
import type { JournalState } from './upload/journal.ts'
import { Uploads, type OpenDataset } from './upload/uploads.ts'

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
  private readonly uploads: Uploads
  /** Saved mapping templates. */
  readonly templates: MappingTemplates
  /** The mappings of the last uploads, offered for the next file with the same columns. */
  readonly recentMappings: RecentMappings
  readonly settings: SettingsFile
  private readonly languageListeners = new Set<(language: Language) => void>()
  private readonly dataDir: string

  constructor(options: EngineOptions) {
    this.worker = new WorkerClient(options.workerPath)
    const dataDir = options.dataDir ?? cliDataDir()
    this.dataDir = dataDir
    this.templates = new MappingTemplates(dataDir)
    this.recentMappings = new RecentMappings(dataDir)
    this.settings = new SettingsFile(dataDir)
    this.secrets = options.secretStore ?? new FileSecretStore(join(dataDir, 'connection-secrets.json'), null)
    this.connections = new Connections(
      this.sandboxes,
      savedConnectionsFile(join(dataDir, 'connections.json')),
      this.secrets,
    )
    this.uploads = new Uploads({
      worker: this.worker,
      jobs: this.jobs,
      connections: this.connections,
      dataDir: this.dataDir,
      dataset: (datasetId) => this.requireDataset(datasetId),
      applyMapping: (req) => this.applyMapping(req),
      sourceCells: (datasetId, rows) => this.sourceCells(datasetId, rows),
      openFile: (path, listener, options) => this.openFile(path, listener, options),
      mappingUsed: (fileName, headers, mapping) => {
        const template = templateFromAssignments(
          fileName,
          mapping.providerId,
          mapping.assignments,
          headers,
          mapping.constants,
        )
        try {
          this.recentMappings.remember(template, new Date())
        } catch (error) {
          // Only a convenience for next time: a full disk must not stop the upload itself.
          console.warn('Could not remember the mapping of this upload:', error)
        }
      },
    })
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

  /** Writes the sample spreadsheet and reads it like a dropped file. */
  openSample(listener: JobListener): { jobId: JobId; fileName: string } {
    const path = writeSampleFile(this.dataDir)
    return { jobId: this.openFile(path, listener), fileName: SAMPLE_FILE_NAME }
  }

  /**
   * Speaks `language` from now on, here and in the dataset worker, and remembers the choice (or that
   * the person follows the computer's language).
   */
  async setLanguage(language: Language, followSystem: boolean): Promise<Language> {
    this.settings.setLanguage(followSystem ? null : language)
    const changed = currentLanguage() !== language
    setLanguage(language)
    await this.worker.request('setLanguage', { language })
    if (changed) for (const listener of this.languageListeners) listener(language)
    return language
  }

  /** The desktop shell rebuilds its menu in the new language. Returns the unsubscribe function. */
  onLanguageChange(listener: (language: Language) => void): () => void {
    this.languageListeners.add(listener)
    return () => this.languageListeners.delete(listener)
  }

  cancel(jobId: JobId): boolean {
    return this.jobs.cancel(jobId)
  }

  pause(jobId: JobId): boolean {
    return this.jobs.pause(jobId)
  }

  continue(jobId: JobId): boolean {
    return this.jobs.continue(jobId)
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

  /** Counts what a find & replace would change, over the whole file in the worker. */
  findInColumn(req: ParsedReq<'dataset:findInColumn'>): Promise<Res<'dataset:findInColumn'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('findInColumn', req)
  }

  /** Find & replace in one column, applied in the worker as ordinary cell edits. */
  replaceInColumn(req: ParsedReq<'dataset:replaceInColumn'>): Promise<Res<'dataset:replaceInColumn'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('replaceInColumn', req)
  }

  /** Undoes (or redoes) one find & replace as a whole. */
  revertReplace(req: ParsedReq<'dataset:revertReplace'>): Promise<Res<'dataset:revertReplace'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('revertReplace', req)
  }

  /** Leaves rows out of the upload, or takes them back; kept in the worker like edits. */
  exclude(req: ParsedReq<'dataset:exclude'>): Promise<Res<'dataset:exclude'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('exclude', req)
  }

  /** What to do with rows that are the same customer. */
  duplicateChoice(req: ParsedReq<'dataset:duplicateChoice'>): Promise<Res<'dataset:duplicateChoice'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('duplicateChoice', req)
  }

  /** What each column holds, counted in the worker so the file never crosses to the page. */
  /** The review's rows as a spreadsheet file (problem rows or all, CSV or XLSX), built in the worker. */
  exportRows(req: ParsedReq<'dataset:export'>): Promise<Res<'dataset:export'>> {
    const dataset = this.requireDataset(req.datasetId)
    return this.worker.request('exportRows', {
      datasetId: req.datasetId,
      which: req.rows,
      format: req.format,
      providerId: dataset.mapping?.providerId ?? null,
      sourceName: basename(dataset.path),
    })
  }

  columnStats(req: ParsedReq<'dataset:columnStats'>): Promise<Res<'dataset:columnStats'>> {
    this.requireDataset(req.datasetId)
    return this.worker.request('columnStats', req)
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

  startUpload(
    req: { datasetId: DatasetId; connectionId: ConnectionId; include: 'valid' | 'all'; dryRun?: boolean },
    listener: JobListener,
  ): Promise<JobId> {
    return this.uploads.start(req, listener)
  }

  retryUnsuccessful(jobId: JobId, listener: JobListener): Promise<JobId> {
    return this.uploads.retryUnsuccessful(jobId, listener)
  }

  unfinishedUploads(): JournalState[] {
    return this.uploads.unfinished()
  }

  unfinishedUploadList(): UnfinishedUpload[] {
    return this.uploads.unfinishedList()
  }

  uploadHistory(limit: number): PastUpload[] {
    return this.uploads.history(limit)
  }

  resumeUploadById(id: string, listener: JobListener): Promise<Res<'uploads:resume'>> {
    return this.uploads.resumeById(id, listener)
  }

  resumeUpload(journalPath: string, listener: JobListener) {
    return this.uploads.resume(journalPath, listener)
  }

  discardUpload(id: string): boolean {
    return this.uploads.discard(id)
  }

  uploadResults(req: ParsedReq<'upload:results'>): Res<'upload:results'> {
    return this.uploads.results(req)
  }

  unsuccessfulRows(jobId: JobId): Promise<Res<'upload:unsuccessfulRows'>> {
    return this.uploads.unsuccessfulRows(jobId)
  }

  async close(): Promise<void> {
    this.jobs.cancelAll()
    await Promise.allSettled([this.worker.close(), this.sandboxes.closeAll()])
  }

  private requireDataset(datasetId: DatasetId) {
    const dataset = this.datasets.get(datasetId)
    if (!dataset) throw new AppError('DATASET_NOT_FOUND', t('engine:file.closed'))
    return dataset
  }
}
