import { z } from 'zod'
import { ConnectionId, DatasetId, JobId, ProviderId } from '../ids.ts'
import { LANGUAGES } from '../i18n/languages.ts'
import type { Message } from '../i18n/message.ts'
import { IngestOptions } from '../ingest-options.ts'
import { DatasetSummary, DryRunTotals, JobEvent, UploadTotals } from '../jobs.ts'
import { Mapping } from '../mapping/mapping.ts'
import { MappingTemplate } from '../mapping/template.ts'

// THE channel map. Every request the renderer can make is listed here once, with the schema main uses
// to check it and the schema of its answer. Add a channel here and the compiler finds the preload
// method and the handler that are missing.

const FieldIssue = z.object({
  field: z.string(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
})

export const ReviewRow = z.object({
  /** 1-based row number in the source file (the header is row 1 for a CSV with a header). */
  row: z.number().int(),
  cells: z.array(z.string()),
  /** Present once a mapping is applied: record key → value that will be sent. */
  values: z.record(z.string(), z.string()).optional(),
  issues: z.array(FieldIssue).optional(),
  /** Cells the user changed, with what the file had. */
  edited: z.array(z.object({ column: z.number().int(), original: z.string() })).optional(),
  /** The user left this row out: it is skipped at upload ("Excluded in review"). */
  excluded: z.boolean().optional(),
  /** Another row of the file is the same customer: `first` is the group's first row, `size` its rows. */
  duplicate: z.object({ first: z.number().int(), size: z.number().int() }).optional(),
  /** On a group's first row when merging: the record keys filled in from the group's later rows. */
  merged: z.array(z.string()).optional(),
})
export type ReviewRow = z.infer<typeof ReviewRow>

/** The row filters the review step offers as chips. */
export const RowChip = z.enum(['all', 'errors', 'warnings', 'valid', 'edited', 'excluded', 'duplicates'])
export type RowChip = z.infer<typeof RowChip>

/**
 * One kind of problem: issues of one severity on one field, with one catalog sentence (the message's
 * key names the rule, e.g. `validation:rules.email`).
 */
export const IssueKind = z.object({
  field: z.string().max(500),
  severity: z.enum(['error', 'warning']),
  key: z.string().max(200),
})
export type IssueKind = z.infer<typeof IssueKind>

/** The rows a grid shows: a chip's, or those with one kind of problem ("Show these rows"). */
export const RowFilter = z.union([RowChip, z.object({ issue: IssueKind })])
export type RowFilter = z.infer<typeof RowFilter>

export const ValidationSummary = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  withErrors: z.number().int(),
  withWarnings: z.number().int(),
  /** Rows with at least one cell the user changed. */
  edited: z.number().int(),
  /** record key → number of rows with an error in that field */
  errorsByField: z.record(z.string(), z.number().int()),
  /** record key → number of rows with a warning in that field */
  warningsByField: z.record(z.string(), z.number().int()).optional(),
  /** Rows per kind of problem, errors first and the commonest first, each with one row's words. */
  issueGroups: z.array(z.lazy(() => IssueGroup)).optional(),
  /** Rows the user left out of the upload. */
  excluded: z.number().int().optional(),
  /** Customers that appear more than once by the provider's identity fields, and what to do about them. */
  duplicates: z.lazy(() => DuplicatesSummary).optional(),
})
export type ValidationSummary = z.infer<typeof ValidationSummary>

export const IssueGroup = IssueKind.extend({
  /** Rows with this kind of problem. */
  rows: z.number().int(),
  /** One of them: its source row number and what is wrong with it, in its own words. */
  example: z.object({ row: z.number().int(), message: z.lazy(() => MessageSchema) }),
})
export type IssueGroup = z.infer<typeof IssueGroup>

/**
 * What happens to rows that are the same customer: `keepAll` sends every row (the provider upserts, so
 * the last one's values win), `keepFirst` skips the later rows, `merge` fills the first row's empty
 * fields from the later rows and skips them.
 */
export const DuplicateChoice = z.enum(['keepAll', 'keepFirst', 'merge'])
export type DuplicateChoice = z.infer<typeof DuplicateChoice>

export const DuplicatesSummary = z.object({
  /** Customers with more than one row (not counting excluded rows). */
  groups: z.number().int(),
  /** Rows in those groups. */
  rows: z.number().int(),
  /** Record keys the rows were matched by (the provider's identity fields that are mapped). */
  fields: z.array(z.string()),
  choice: DuplicateChoice,
})
export type DuplicatesSummary = z.infer<typeof DuplicatesSummary>

/**
 * What one source column holds, counted over every row of the file (with the user's edits): how many
 * cells are filled, a few different values, and what the values look like. `kind` is a value kind of
 * shared/mapping/sniff-values.ts, or `number`, `text` (anything else, or mixed) or `empty`.
 */
export const ColumnStat = z.object({
  column: z.number().int(),
  filled: z.number().int(),
  samples: z.array(z.string()),
  kind: z.enum([
    'email',
    'phone',
    'date',
    'postcode',
    'country',
    'language',
    'gender',
    'number',
    'text',
    'empty',
  ]),
})
export type ColumnStat = z.infer<typeof ColumnStat>
export type ColumnKind = ColumnStat['kind']

const SettingValues = z.record(z.string().max(100), z.string().max(4_096))

export const ConnectionSummary = z.object({
  id: ConnectionId,
  providerId: ProviderId,
  name: z.string(),
  kind: z.enum(['sandbox', 'remote']),
  /** Shown so the user always knows where data goes. */
  baseUrl: z.string(),
  /** The non-secret fields of the connection form, for editing. */
  settings: SettingValues,
  /** Set only when the user typed an address instead of the one the settings imply. */
  baseUrlOverride: z.string().optional(),
  /** Which secret fields have a stored value. The values themselves never leave the engine. */
  secretsSaved: z.array(z.string()),
})
export type ConnectionSummary = z.infer<typeof ConnectionSummary>

/** A connection form as the user filled it in. A blank secret of a saved connection keeps the stored one. */
export const ConnectionDraft = z.object({
  providerId: ProviderId,
  /** Set when editing or testing a saved connection (or the sandbox). */
  id: ConnectionId.optional(),
  name: z.string().max(100),
  settings: SettingValues,
  secrets: SettingValues,
  baseUrlOverride: z.string().max(2_048).optional(),
})
export type ConnectionDraft = z.infer<typeof ConnectionDraft>

/** A sentence kept as its catalog key and values (shared/i18n/message.ts). */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string().max(200),
    values: z.record(z.string(), z.union([z.string(), z.number(), MessageSchema])).optional(),
  }),
)

export const RowOutcomeSchema = z.object({
  row: z.number().int(),
  /** The `would…` statuses are a dry run's: nothing was sent for that row. */
  status: z.enum(['created', 'updated', 'skipped', 'failed', 'wouldCreate', 'wouldUpdate', 'wouldSend']),
  id: z.string().optional(),
  message: z.string().optional(),
  /** `message` kept as a message, to be said in the language chosen when it is read (our own words). */
  said: MessageSchema.optional(),
  /** Accepted, with remarks from the provider (e.g. Capillary warnings, a respelled name). */
  warnings: z.array(z.string()).optional(),
})

/** An upload that stopped before every row had its answer (the app or computer went down). */
export const UnfinishedUpload = z.object({
  /** The stopped job's id; its journal is found by it, never by a path from the page. */
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  fileName: z.string(),
  providerId: ProviderId,
  connectionName: z.string(),
  /** Whether it goes to the Sandbox; anything else is a real account, confirmed before resuming. */
  sandbox: z.boolean(),
  /** Where the connection sends, for that confirmation; absent when the connection no longer exists. */
  baseUrl: z.string().optional(),
  startedAt: z.string(),
  answered: z.number().int().min(0),
  rowCount: z.number().int().min(0),
})
export type UnfinishedUpload = z.infer<typeof UnfinishedUpload>

/** One past upload, as the history lists it. */
export const PastUpload = z.object({
  id: z.string(),
  fileName: z.string(),
  providerId: ProviderId,
  connectionName: z.string(),
  startedAt: z.string(),
  finished: z.boolean(),
  totals: UploadTotals,
})
export type PastUpload = z.infer<typeof PastUpload>

const PAGE_LIMIT = 1_000

/** Largest template file read; a template of hundreds of columns with value maps is well under it. */
export const TEMPLATE_FILE_MAX_CHARS = 400_000

/** Find & replace in one source column: plain text, never a pattern. */
const ColumnReplaceRequest = z.object({
  datasetId: DatasetId,
  column: z.number().int().min(0).max(100_000),
  find: z.string().min(1).max(10_000),
  replace: z.string().max(100_000),
  matchCase: z.boolean().default(false),
  /** Only cells whose whole value is the text found. */
  wholeCell: z.boolean().default(false),
  /** Only rows that have a validation error now. */
  onlyErrors: z.boolean().default(false),
})

export const invoke = {
  /**
   * Start reading a file; `path` comes from a drop or the file picker (checked in main). `options`
   * override what was detected (read the same file again "as Windows-1250", "with row 3 as header").
   */
  'files:open': {
    req: z.object({ path: z.string().min(1).max(4_096), options: IngestOptions.default({}) }),
    res: z.object({ jobId: JobId }),
  },
  /** A realistic sample spreadsheet (with two rows to fix), for a first try without a file at hand. */
  'files:openSample': { req: z.object({}), res: z.object({ jobId: JobId, fileName: z.string() }) },
  'jobs:cancel': { req: z.object({ jobId: JobId }), res: z.object({ cancelled: z.boolean() }) },
  /** Holds a job before its next step (uploads: no new requests); false when it is unknown or over. */
  'jobs:pause': { req: z.object({ jobId: JobId }), res: z.object({ paused: z.boolean() }) },
  'jobs:continue': { req: z.object({ jobId: JobId }), res: z.object({ continued: z.boolean() }) },
  'dataset:rows': {
    req: z.object({
      datasetId: DatasetId,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(PAGE_LIMIT),
      filter: RowFilter.default('all'),
    }),
    res: z.object({ total: z.number().int(), rows: z.array(ReviewRow) }),
  },
  'dataset:applyMapping': {
    req: z.object({ datasetId: DatasetId, mapping: Mapping }),
    res: ValidationSummary,
  },
  /** Fill rate, sample values and kind of every column, in one pass over the file in the worker. */
  'dataset:columnStats': {
    req: z.object({ datasetId: DatasetId }),
    res: z.object({ rows: z.number().int(), columns: z.array(ColumnStat) }),
  },
  /** Fix one cell; only that row is validated again. */
  'dataset:editCell': {
    req: z.object({
      datasetId: DatasetId,
      row: z.number().int().min(1),
      column: z.number().int().min(0).max(100_000),
      value: z.string().max(100_000),
    }),
    res: z.object({ row: ReviewRow, summary: ValidationSummary }),
  },
  /** Counts the cells of one column a find & replace would change (over the whole file); changes nothing. */
  'dataset:findInColumn': {
    req: ColumnReplaceRequest,
    res: z.object({
      matches: z.number().int(),
      examples: z.array(z.object({ row: z.number().int(), before: z.string(), after: z.string() })),
    }),
  },
  /** Find & replace in one column, as ordinary cell edits; the id undoes it as one step. */
  'dataset:replaceInColumn': {
    req: ColumnReplaceRequest,
    res: z.object({ replaceId: z.number().int(), changed: z.number().int(), summary: ValidationSummary }),
  },
  /** Puts back every cell a find & replace changed (undo), or changes them again (redo). */
  'dataset:revertReplace': {
    req: z.object({
      datasetId: DatasetId,
      replaceId: z.number().int().min(1),
      direction: z.enum(['undo', 'redo']),
    }),
    res: z.object({ changed: z.number().int(), summary: ValidationSummary }),
  },
  /** Leaves rows out of the upload (or takes them back): the listed rows, or every row of a filter. */
  'dataset:exclude': {
    req: z.object({
      datasetId: DatasetId,
      excluded: z.boolean(),
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('rows'), rows: z.array(z.number().int().min(1)).min(1).max(100_000) }),
        z.object({ kind: z.literal('filter'), filter: RowFilter }),
      ]),
    }),
    res: z.object({ changed: z.number().int(), summary: ValidationSummary }),
  },
  /** What to do with rows that are the same customer (for the whole file). */
  'dataset:duplicateChoice': {
    req: z.object({ datasetId: DatasetId, choice: DuplicateChoice }),
    res: ValidationSummary,
  },
  /**
   * The review's rows to fix in a spreadsheet program: the problem rows or all of them, with the row
   * number, status and problems in three added columns. `data` is CSV text or the XLSX file in base64.
   */
  'dataset:export': {
    req: z.object({
      datasetId: DatasetId,
      rows: z.enum(['problems', 'all']),
      format: z.enum(['csv', 'xlsx']),
    }),
    res: z.object({
      fileName: z.string(),
      rows: z.number().int(),
      data: z.string(),
      encoding: z.enum(['text', 'base64']),
    }),
  },
  'templates:list': { req: z.object({ providerId: ProviderId }), res: z.array(MappingTemplate) },
  /** The mappings of the last uploads to this provider (newest first), named after their files. */
  'templates:recent': {
    req: z.object({ providerId: ProviderId }),
    res: z.array(z.object({ template: MappingTemplate, usedAt: z.string() })),
  },
  /** Saves a mapping under a name (replacing one of the same name) to reuse on later files. */
  'templates:save': { req: MappingTemplate, res: MappingTemplate },
  'templates:delete': {
    req: z.object({ providerId: ProviderId, name: z.string().max(100) }),
    res: z.object({ deleted: z.boolean() }),
  },
  /** Another name for a saved template; refused when another template has that name. */
  'templates:rename': {
    req: z.object({ providerId: ProviderId, from: z.string().max(100), to: MappingTemplate.shape.name }),
    res: MappingTemplate,
  },
  /**
   * A saved template as the text of a template file (shared/mapping/template-file.ts) and a name for
   * it. The page saves it where the user says (a download: a save dialog in the app, the browser's
   * download in the web bridge), so no path ever crosses IPC.
   */
  'templates:export': {
    req: z.object({ providerId: ProviderId, name: z.string().max(100) }),
    res: z.object({ fileName: z.string(), text: z.string() }),
  },
  /**
   * The text of a template file the user picked, checked here and saved among the templates. A name
   * already used is not overwritten unless asked: `ask` answers `clash`, then the page asks the user.
   */
  'templates:import': {
    req: z.object({
      providerId: ProviderId,
      fileName: z.string().max(300),
      text: z.string().max(TEMPLATE_FILE_MAX_CHARS),
      onClash: z.enum(['ask', 'keepBoth', 'replace']).default('ask'),
    }),
    res: z.discriminatedUnion('status', [
      z.object({ status: z.literal('imported'), template: MappingTemplate, replaced: z.boolean() }),
      z.object({ status: z.literal('clash'), name: z.string(), suggestedName: z.string() }),
    ]),
  },
  /** The saved preferences; `recoveredFrom` once, when a broken settings file was moved aside. */
  'settings:get': {
    req: z.object({}),
    res: z.object({ language: z.enum(LANGUAGES).nullable(), recoveredFrom: z.string().optional() }),
  },
  /**
   * The language the screens now speak, so the engine says its sentences (row reasons, file problems)
   * in it too. `followSystem`: remember "the computer's language" rather than this one.
   */
  'settings:setLanguage': {
    req: z.object({ language: z.enum(LANGUAGES), followSystem: z.boolean() }),
    res: z.object({ language: z.enum(LANGUAGES) }),
  },
  'connections:list': {
    req: z.object({ providerId: ProviderId }),
    res: z.array(ConnectionSummary),
  },
  'connections:save': { req: ConnectionDraft, res: ConnectionSummary },
  'connections:delete': { req: z.object({ id: ConnectionId }), res: z.object({ deleted: z.boolean() }) },
  /** One real authenticated read with the form's values; changes nothing, saves nothing. */
  'connections:test': {
    req: ConnectionDraft,
    res: z.object({ ok: z.boolean(), message: z.string() }),
  },
  /** How secrets are kept on this computer, said on the connection form. */
  'connections:secretStorage': {
    req: z.object({}),
    res: z.object({ encrypted: z.boolean(), description: z.string() }),
  },
  'upload:start': {
    req: z.object({
      datasetId: DatasetId,
      connectionId: ConnectionId,
      /** `valid`: rows with errors are skipped with their reason; `all`: the provider decides on them. */
      include: z.enum(['valid', 'all']),
      /** Build and check every request, and look up what lookups can tell, but send nothing. */
      dryRun: z.boolean().optional(),
    }),
    res: z.object({ jobId: JobId }),
  },
  /** Sends again only the rows of an upload that did not go through (after fixing them, or a hiccup). */
  'upload:retry': { req: z.object({ jobId: JobId }), res: z.object({ jobId: JobId }) },
  'upload:results': {
    req: z.object({
      jobId: JobId,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(PAGE_LIMIT),
    }),
    res: z.object({
      totals: UploadTotals,
      rows: z.array(RowOutcomeSchema),
      /** Present when the job was a dry run: what the upload would do (`totals` then says nothing was sent). */
      dryRun: DryRunTotals.optional(),
    }),
  },
  /** The rows that did not go through, in the file's columns plus the reason: a CSV to fix and re-import. */
  'upload:unsuccessfulRows': {
    req: z.object({ jobId: JobId }),
    res: z.object({ fileName: z.string(), rows: z.number().int(), csv: z.string() }),
  },
  'uploads:unfinished': { req: z.object({}), res: z.array(UnfinishedUpload) },
  /** Uploads made on this computer, newest first (from their journals, so they survive restarts). */
  'uploads:history': { req: z.object({ limit: z.number().int().min(1).max(500) }), res: z.array(PastUpload) },
  /** Reads the file again, restores mapping and edits, and continues: the new job id and what the screens need. */
  'uploads:resume': {
    req: z.object({ id: UnfinishedUpload.shape.id }),
    res: z.object({
      jobId: JobId,
      dataset: DatasetSummary,
      validation: ValidationSummary,
      mapping: Mapping,
      connectionId: ConnectionId,
    }),
  },
  'uploads:discard': {
    req: z.object({ id: UnfinishedUpload.shape.id }),
    res: z.object({ discarded: z.boolean() }),
  },
} as const satisfies Record<`${string}:${string}`, { req: z.ZodType; res: z.ZodType }>

export const events = {
  'jobs:event': JobEvent,
  /** Main started reading a file the user opened outside the page (menu, Open with, a second launch). */
  'files:opening': z.object({ jobId: JobId, fileName: z.string() }),
  /** File → Export… in the native menu: the page opens its export dialog. */
  'menu:export': z.object({}),
} as const satisfies Record<`${string}:${string}`, z.ZodType>

export type InvokeChannel = keyof typeof invoke
export type EventChannel = keyof typeof events
export type Req<C extends InvokeChannel> = z.input<(typeof invoke)[C]['req']>
export type ParsedReq<C extends InvokeChannel> = z.output<(typeof invoke)[C]['req']>
export type Res<C extends InvokeChannel> = z.output<(typeof invoke)[C]['res']>
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>
