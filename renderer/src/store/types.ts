import type { JobId } from '#shared/ids.ts'
import type {
  ConnectionSummary,
  DuplicateChoice,
  Req,
  RowFilter,
  UnfinishedUpload,
  ValidationSummary,
} from '#shared/ipc/contract.ts'
import type { DatasetSummary, JobEvent, UploadTotals } from '#shared/jobs.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import type { MatchSuggestion } from '#shared/mapping/auto-match.ts'
import type { Assignment, Constant } from '#shared/mapping/mapping.ts'
import type { ProviderId } from '#shared/ids.ts'
import type { DroppedFile } from '#shared/ipc/api.ts'

export type Step = 'file' | 'provider' | 'map' | 'review' | 'upload'

export type Progress = Extract<JobEvent, { type: 'progress' }>

export interface FlowSlice {
  step: Step
  stepChosen(step: Step): void
  startedOver(): void
}

export interface FileSlice {
  file: DroppedFile | null
  ingestJobId: JobId | null
  ingestProgress: Progress | null
  dataset: DatasetSummary | null
  fileError: string | null
  fileDropped(file: DroppedFile, options?: IngestOptions): Promise<void>
  /** Main opened a file from the menu, "Open with" or a second launch, and is reading it. */
  fileOpenedFromSystem(event: { jobId: JobId; fileName: string }): void
  ingestCancelled(): Promise<void>
  /** Opens the built-in sample spreadsheet, for a first try without a file at hand. */
  sampleOpened(): Promise<void>
}

export interface ProviderSlice {
  providerId: ProviderId | null
  connections: ConnectionSummary[]
  connectionId: ConnectionSummary['id'] | null
  connectionsError: string | null
  providerChosen(providerId: ProviderId): Promise<void>
  connectionChosen(connectionId: ConnectionSummary['id']): void
  /** Reloads the provider's connections (after a save or delete), selecting `select` when given. */
  connectionsRefreshed(select?: ConnectionSummary['id']): Promise<void>
}

export interface MappingSlice {
  assignments: Assignment[]
  /** Which dataset and provider the automatic match was made for: it is applied once, then the user's edits win. */
  autoMatchedFor: string | null
  /**
   * Why each automatic match was made and how sure it is. Shown only while the field still has the
   * suggested column: once the person changes it, the choice is theirs.
   */
  matchSuggestions: MatchSuggestion[]
  /** Fields given one value on every row, without a column. */
  constants: Constant[]
  /** Columns the person chose not to send: no longer offered as custom fields or counted as forgotten. */
  ignoredColumns: number[]
  /** Maps `column` to `field` (null: unmapped), keeping the field's transforms when it had a column. */
  fieldMapped(field: string, column: number | null): void
  /** Changes how a mapped field reads its column(s): joined columns, transforms, value when empty. */
  assignmentChanged(field: string, change: AssignmentChange): void
  /** Sets (or, with an empty value, removes) the value a field gets on every row. */
  constantSet(field: string, value: string): void
  /** Marks a column as left out on purpose, or takes that back. */
  columnIgnored(column: number, ignored: boolean): void
  customFieldAdded(field: string, column: number): void
  autoMatchRequested(): void
  /** Replaces the whole mapping (a saved template applied). */
  mappingReplaced(assignments: Assignment[], constants?: Constant[]): void
}

/** The optional parts of an assignment; `undefined` removes one. */
export type AssignmentChange = Partial<
  Pick<Assignment, 'joinColumns' | 'joinWith' | 'transforms' | 'fallback'>
>

export interface ReviewSlice {
  validation: ValidationSummary | null
  validationError: string | null
  /** Bumped whenever the mapping is applied again, so grids drop their cached pages. */
  validationVersion: number
  /** Fixes made in the grid, newest last; `undone` holds what Undo took back, for Redo. */
  edits: { done: EditStep[]; undone: EditStep[] }
  mappingApplied(): Promise<void>
  cellEdited(edit: CellEdit): Promise<void>
  editUndone(): Promise<void>
  editRedone(): Promise<void>
  /** Leaves rows out of the upload (or takes them back): these rows, or every row of a filter. */
  rowsExcluded(target: ExcludeTarget, excluded: boolean): Promise<void>
  duplicateChoiceMade(choice: DuplicateChoice): Promise<void>
  /** Find & replace in one column over the whole file; one step of the undo history. Null when it failed. */
  columnReplaced(query: ColumnReplaceQuery): Promise<ReplaceStep | null>
}

export type ColumnReplaceQuery = Omit<Req<'dataset:replaceInColumn'>, 'datasetId'>

/** One find & replace, undone and redone as a whole by the engine, which keeps its cells. */
export interface ReplaceStep {
  replaceId: number
  column: number
  changed: number
}

/** One entry of the review's undo history: a single cell, or a whole find & replace. */
export type EditStep = CellEdit | ReplaceStep

export type ExcludeTarget = { kind: 'rows'; rows: number[] } | { kind: 'filter'; filter: RowFilter }

export interface UploadSlice {
  include: 'valid' | 'all'
  uploadJobId: JobId | null
  uploadProgress: Progress | null
  uploadState: 'idle' | 'running' | 'paused' | 'completed' | 'failed' | 'cancelled'
  totals: UploadTotals | null
  uploadError: string | null
  /** Why the upload paused itself (e.g. the provider refused the credentials); null for a pause the person asked for. */
  uploadPauseReason: string | null
  /** Whether the job on the Upload step is a dry run (every request built and checked, nothing sent). */
  uploadDryRun: boolean
  /** Uploads that stopped mid-way (the app or computer went down), offered for resuming. */
  unfinishedUploads: UnfinishedUpload[]
  resumeError: string | null
  includeChosen(include: 'valid' | 'all'): void
  uploadStarted(): Promise<void>
  /** Starts a dry run of the same upload: no confirmation, since nothing is sent. */
  dryRunStarted(): Promise<void>
  /** Sends again only the rows of the last upload that did not go through. */
  uploadRetried(): Promise<void>
  uploadCancelled(): Promise<void>
  /** Holds the upload: requests on their way finish, no new ones are sent until it is continued. */
  uploadPaused(): Promise<void>
  uploadContinued(): Promise<void>
  unfinishedUploadsLoaded(): Promise<void>
  /** Continues a stopped upload and shows it on the Upload step. */
  uploadResumed(id: string): Promise<void>
  uploadDiscarded(id: string): Promise<void>
}

export interface JobsSlice {
  /** Events that arrived before the request that started their job answered with its id. */
  earlyEvents: JobEvent[]
  /** Called once a request returns the id of the job it started. */
  jobAdopted(jobId: JobId): void
  jobEventReceived(event: JobEvent): void
}

export type AppState = FlowSlice &
  FileSlice &
  ProviderSlice &
  MappingSlice &
  ReviewSlice &
  UploadSlice &
  JobsSlice

/** One fix to one cell, remembered so it can be undone and redone. */
export interface CellEdit {
  row: number
  column: number
  field: string
  before: string
  after: string
}
