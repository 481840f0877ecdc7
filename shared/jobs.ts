import { z } from 'zod'
import { DatasetId, JobId } from './ids.ts'
import { TextEncodingLabel } from './ingest-options.ts'

export const JobKind = z.enum(['ingest', 'upload'])
export type JobKind = z.infer<typeof JobKind>

export const DatasetSummary = z.object({
  datasetId: DatasetId,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** Excel workbooks: the sheet that was read, and all sheets (hidden ones flagged) to choose from. */
  sheet: z.string().optional(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean() })).optional(),
  /** Human name of the encoding, e.g. "UTF-8 (with BOM)". */
  encoding: z.string(),
  /** The encoding as a choosable value, for the "read as" control. */
  encodingLabel: TextEncodingLabel,
  delimiter: z.string(),
  /** Source row number of the header row (title rows above it are skipped). */
  headerRow: z.number().int().min(1),
  headers: z.array(z.string()),
  rowCount: z.number().int().min(0),
  /** Fully empty lines are skipped; the count is shown so nothing disappears silently. */
  emptyRowsSkipped: z.number().int().min(0),
  /** Rows whose field count differs from the header's, by source row number (capped list). */
  raggedRows: z.array(z.number().int()),
  /** Things the user should know about how the file was read, each a sentence. */
  notices: z.array(z.string()),
})
export type DatasetSummary = z.infer<typeof DatasetSummary>

export const UploadTotals = z.object({
  rows: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
})
export type UploadTotals = z.infer<typeof UploadTotals>

/** What a dry run says of one row: what the upload would do with it, without sending anything. */
export const DryRunStatus = z.enum(['wouldCreate', 'wouldUpdate', 'wouldSend', 'skipped', 'failed'])
export type DryRunStatus = z.infer<typeof DryRunStatus>

/**
 * A dry run's account: the five counts add up to `rows`. `wouldSend` is for providers whose upload
 * decides create-or-update itself (an upsert), so no read can tell which it will be.
 */
export const DryRunTotals = z.object({
  rows: z.number().int().min(0),
  wouldCreate: z.number().int().min(0),
  wouldUpdate: z.number().int().min(0),
  wouldSend: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
  /** Write requests the real upload would make (before any resends or splits the provider asks for). */
  requests: z.number().int().min(0),
  /** Read-only requests the dry run made to tell creates from updates. */
  lookups: z.number().int().min(0),
})
export type DryRunTotals = z.infer<typeof DryRunTotals>

export const JobResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ingest'), dataset: DatasetSummary }),
  z.object({
    kind: z.literal('upload'),
    /** For a dry run nothing was sent: no row is created or updated, and `dryRun` says what would be. */
    totals: UploadTotals,
    dryRun: DryRunTotals.optional(),
  }),
])
export type JobResult = z.infer<typeof JobResult>

const SerializedErrorSchema = z.object({ code: z.string(), message: z.string() })

/**
 * Every job emits `started`, then throttled `progress` (with `paused`/`continued` if the person pauses
 * it), then exactly one of the three terminal events.
 */
export const JobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), jobId: JobId, kind: JobKind }),
  z.object({
    type: z.literal('progress'),
    jobId: JobId,
    kind: JobKind,
    done: z.number().min(0),
    /** null while the total is unknown (e.g. rows while a file is still being read). */
    total: z.number().min(0).nullable(),
    unit: z.enum(['bytes', 'rows']),
    /** Rows found so far, while a file is read (its unit is bytes). */
    rowsSoFar: z.number().int().min(0).optional(),
    ratePerSecond: z.number().min(0),
    etaSeconds: z.number().min(0).nullable(),
  }),
  /** The job holds before its next step until it is continued (requests already sent still finish). */
  z.object({
    type: z.literal('paused'),
    jobId: JobId,
    kind: JobKind,
    /** Set when the job paused itself, e.g. the provider refused the credentials: what to do next. */
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('continued'), jobId: JobId, kind: JobKind }),
  z.object({ type: z.literal('completed'), jobId: JobId, result: JobResult }),
  z.object({ type: z.literal('failed'), jobId: JobId, kind: JobKind, error: SerializedErrorSchema }),
  z.object({ type: z.literal('cancelled'), jobId: JobId, kind: JobKind }),
])
export type JobEvent = z.infer<typeof JobEvent>
export type TerminalJobEvent = Extract<JobEvent, { type: 'completed' | 'failed' | 'cancelled' }>
