import type { SerializedError } from '#shared/errors.ts'
import type {
  ColumnStat,
  DuplicateChoice,
  ReviewRow,
  RowFilter,
  ValidationSummary,
} from '#shared/ipc/contract.ts'
import type { ProviderId } from '#shared/ids.ts'
import type { Language } from '#shared/i18n/languages.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { PreparedItem } from '../providers/types.ts'
import type { ExportedRows, ExportFormat, ExportWhich } from './export-rows.ts'
import type { ColumnReplace } from './find-replace.ts'

// Messages between the engine (main thread) and the dataset worker. The dataset lives in the worker;
// only pages of rows cross this boundary.

export interface WorkerRequests {
  ingest: { args: { path: string; datasetId: string; options: IngestOptions }; result: DatasetSummary }
  rows: {
    args: { datasetId: string; offset: number; limit: number; filter: RowFilter }
    result: { total: number; rows: ReviewRow[] }
  }
  applyMapping: { args: { datasetId: string; mapping: Mapping }; result: ValidationSummary }
  /** Mapped records of rows [offset, offset+limit) in source order; rows that must not be sent come back as outcomes. */
  prepare: {
    args: { datasetId: string; offset: number; limit: number; include: 'valid' | 'all' }
    result: { items: PreparedItem[]; skipped: RowOutcome[]; rowCount: number }
  }
  editCell: {
    args: { datasetId: string; row: number; column: number; value: string }
    result: { row: ReviewRow; summary: ValidationSummary }
  }
  cells: { args: { datasetId: string; rows: number[] }; result: string[][] }
  /** Counts what a find & replace in one column would change (nothing changes). */
  findInColumn: {
    args: { datasetId: string } & ColumnReplace
    result: { matches: number; examples: { row: number; before: string; after: string }[] }
  }
  replaceInColumn: {
    args: { datasetId: string } & ColumnReplace
    result: { replaceId: number; changed: number; summary: ValidationSummary }
  }
  revertReplace: {
    args: { datasetId: string; replaceId: number; direction: 'undo' | 'redo' }
    result: { changed: number; summary: ValidationSummary }
  }
  columnStats: { args: { datasetId: string }; result: { rows: number; columns: ColumnStat[] } }
  /** The user's edits as [source row, column, value], for the upload journal. */
  edits: { args: { datasetId: string }; result: [number, number, string][] }
  exclude: {
    args: {
      datasetId: string
      excluded: boolean
      target: { kind: 'rows'; rows: number[] } | { kind: 'filter'; filter: RowFilter }
    }
    result: { changed: number; summary: ValidationSummary }
  }
  duplicateChoice: { args: { datasetId: string; choice: DuplicateChoice }; result: ValidationSummary }
  /** Excluded source rows and the duplicate choice, for the upload journal (kept like the edits). */
  rowChoices: { args: { datasetId: string }; result: { excluded: number[]; duplicates: DuplicateChoice } }
  dispose: { args: { datasetId: string }; result: null }
  /** The review's rows as a CSV or XLSX file to fix in a spreadsheet program (see export-rows.ts). */
  exportRows: {
    args: {
      datasetId: string
      which: ExportWhich
      format: ExportFormat
      providerId: ProviderId | null
      sourceName: string
    }
    result: ExportedRows
  }
  /** Sentences made in the worker (a row's issues, a file's problems) follow the screens' language. */
  setLanguage: { args: { language: Language }; result: null }
}

export type WorkerRequestType = keyof WorkerRequests

export type ToWorker =
  | {
      [K in WorkerRequestType]: { kind: 'request'; id: number; type: K; args: WorkerRequests[K]['args'] }
    }[WorkerRequestType]
  | { kind: 'cancel'; id: number }

export type FromWorker =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: SerializedError }
  | {
      kind: 'progress'
      id: number
      done: number
      total: number | null
      unit: 'bytes' | 'rows'
      rowsSoFar?: number
    }
