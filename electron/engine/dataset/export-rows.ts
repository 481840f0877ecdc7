import writeXlsxFile, { type Row as SheetRow } from 'write-excel-file/node'
import { AppError } from '#shared/errors.ts'
import { csvForExcel } from '#shared/files/csv-for-excel.ts'
import { safeFileName } from '#shared/files/safe-file-name.ts'
import type { ProviderId } from '#shared/ids.ts'
import { t } from '#shared/i18n/i18n.ts'
import { LANGUAGES } from '#shared/i18n/languages.ts'
import { fieldLabel } from '#shared/i18n/provider-text.ts'
import type { ReviewRow, RowFilter } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'

// The review's rows as a spreadsheet to fix in Excel and drop back in: the file's own columns (with the
// edits made in review), then three columns saying which source row it was, its status and every
// problem in words. Columns of an earlier export are replaced, so a file can go round several times.

export type ExportWhich = 'problems' | 'all'
export type ExportFormat = 'csv' | 'xlsx'

export interface ExportedRows {
  fileName: string
  rows: number
  /** CSV text, or the XLSX file in base64 (IPC and the web bridge carry text). */
  data: string
  encoding: 'text' | 'base64'
}

/** The review's pages of rows; Dataset.rows. */
type RowSource = (
  offset: number,
  limit: number,
  filter: RowFilter | 'problems',
) => { total: number; rows: ReviewRow[] }

const EXPORT_COLUMN_KEYS = ['export:columns.row', 'export:columns.status', 'export:columns.problems'] as const

/** Excel's row limit, less the heading row. */
export const MAX_XLSX_ROWS = 1_048_575

const PAGE = 5_000

/** Every row, or the rows with an error or a warning ('problems'), in the file's order. */
function rowsOf(source: RowSource, filter: ExportWhich): ReviewRow[] {
  const out: ReviewRow[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { total, rows } = source(offset, PAGE, filter)
    out.push(...rows)
    if (offset + PAGE >= total) return out
  }
}

function statusOf(row: ReviewRow): string {
  if (row.excluded) return t('export:status.excluded')
  if (row.issues?.some((issue) => issue.severity === 'error')) return t('export:status.errors')
  if (row.issues?.some((issue) => issue.severity === 'warning')) return t('export:status.warnings')
  return t('export:status.valid')
}

function problemsOf(row: ReviewRow, label: (field: string) => string): string {
  const lines = (row.issues ?? []).map((issue) =>
    t('export:problem', { field: label(issue.field), message: issue.message }),
  )
  if (row.duplicate && row.duplicate.first !== row.row)
    lines.push(t('export:status.duplicate', { first: row.duplicate.first }))
  return lines.join('\n')
}

export async function exportRows(options: {
  source: RowSource
  headers: readonly string[]
  providerId: ProviderId | null
  which: ExportWhich
  format: ExportFormat
  /** The name of the file the rows came from. */
  sourceName: string
}): Promise<ExportedRows> {
  const { source, headers, providerId, which, format } = options
  const rows = rowsOf(source, which)
  if (format === 'xlsx' && rows.length > MAX_XLSX_ROWS)
    throw new AppError('MAPPING_INVALID', t('export:tooManyRows', { max: MAX_XLSX_ROWS, rows: rows.length }))

  const added = EXPORT_COLUMN_KEYS.map((key) => t(key))
  // Columns a previous export added (in any language the person may have used) are left out.
  const earlier = exportColumnNames()
  const kept = headers.map((_, index) => index).filter((index) => !earlier.has((headers[index] ?? '').trim()))
  const labels = new Map(
    (providerId ? getProvider(providerId).fields : []).map((field) => [
      field.key,
      fieldLabel(providerId!, field),
    ]),
  )
  const label = (field: string) => labels.get(field) ?? field
  const body = rows.map((row) => [
    ...kept.map((index) => row.cells[index] ?? ''),
    String(row.row),
    statusOf(row),
    problemsOf(row, label),
  ])
  const heading = [...kept.map((index) => headers[index] ?? ''), ...added]
  const base = options.sourceName.replace(/\.[^.]+$/, '')
  const fileName = safeFileName(`${t(`export:fileName.${which}`, { name: base })}.${format}`)

  if (format === 'csv') {
    return { fileName, rows: rows.length, data: csvForExcel(heading, body), encoding: 'text' }
  }
  const sheet: SheetRow[] = [
    heading.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...body.map((cells) =>
      cells.map((value, index) => (index === cells.length - 1 ? { value, wrap: true } : value)),
    ),
  ]
  const buffer = await writeXlsxFile(sheet, {
    sheet: t('export:sheetName'),
    stickyRowsCount: 1,
    columns: heading.map((_, index) => ({ width: index === heading.length - 1 ? 60 : 18 })),
  }).toBuffer()
  return { fileName, rows: rows.length, data: buffer.toString('base64'), encoding: 'base64' }
}

/** The names of the three columns an export adds, in every language Crosswalk speaks. */
function exportColumnNames(): Set<string> {
  return new Set(EXPORT_COLUMN_KEYS.flatMap((key) => LANGUAGES.map((lng) => t(key, { lng }))))
}
