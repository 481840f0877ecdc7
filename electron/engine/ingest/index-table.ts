import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { cellOf, decodeRecord, fieldCount } from './csv-decode.ts'
import { scanCsv, type CsvIndex, type CsvNewline } from './csv-index.ts'
import type { TextEncodingLabel } from './detect-encoding.ts'
import { detectHeaderRow, HEADER_SEARCH_RECORDS } from './detect-header-row.ts'

// The format-independent half of ingest: from a delimited UTF-8 table in memory (a CSV file after
// transcoding, or an XLSX sheet written out as CSV) to the dataset's rows — header row found or
// chosen, empty rows skipped and counted, ragged rows listed, blank and duplicate names made unique.

/** How the table was read, shown to the user next to the preview. */
export interface TableDescription {
  format: 'csv' | 'xlsx'
  /** The encoding as a choosable value (XLSX text is always Unicode: 'utf-8'). */
  encodingLabel: TextEncodingLabel
  /** Human name of the encoding, e.g. "UTF-8 (with BOM)". */
  encoding: string
  delimiter: string
  /** XLSX: the sheet read, and every sheet of the workbook with whether it is hidden. */
  sheet?: string
  sheets?: { name: string; hidden: boolean }[]
}

/** A table read from a file, kept compactly as UTF-8 bytes plus a field index (csv-index.ts). */
export interface ParsedTable extends TableDescription {
  fileName: string
  /** Source row number of the header (1 unless title rows come first). */
  headerRow: number
  headers: string[]
  rowCount: number
  /** The cells of data row `index` (0-based), decoded on demand from the file's bytes. */
  cells(index: number): string[]
  /** One cell of data row `index` ('' past the end of a short row): validation reads only mapped columns. */
  cell(index: number, column: number): string
  /** Source row number of data row `index` (the header is row 1; empty rows keep their numbers). */
  rowNumber(index: number): number
  emptyRowsSkipped: number
  raggedRows: number[]
  notices: string[]
  /** Where each cell's bytes lie, for checks that read them without making strings (dataset/fast-path). */
  bytes: TableBytes
}

/** The byte index of a table and, per data row index, its record in the index. */
export interface TableBytes {
  index: CsvIndex
  records: Uint32Array
}

const MAX_RAGGED_LISTED = 1_000

/**
 * "", "", "Email", "Email" → "Column 1", "Column 2", "Email", "Email (2)": every column gets a visible,
 * unique name. A blank column is named in the current language ("Kolumna 1" in Polish), as it is shown.
 */
export function uniqueHeaders(raw: readonly string[]): { headers: string[]; renamed: number } {
  const seen = new Map<string, number>()
  let renamed = 0
  const headers = raw.map((cell, index) => {
    let name = cell.trim()
    if (name === '') {
      name = t('engine:table.blankColumnName', { number: index + 1 })
      renamed++
    }
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1
    seen.set(name.toLowerCase(), count)
    if (count > 1) {
      renamed++
      return `${name} (${count})`
    }
    return name
  })
  return { headers, renamed }
}

const SPACE = 0x20
const TAB = 0x09

/** A record whose every cell is empty or only spaces/tabs (`,,,` is an empty row too). */
function isBlankRecord(index: CsvIndex, record: number): boolean {
  for (let field = index.recordStart[record]!; field < index.recordStart[record + 1]!; field++) {
    for (let byte = index.fieldStart[field]!; byte < index.fieldEnd[field]!; byte++) {
      const value = index.bytes[byte]
      if (value !== SPACE && value !== TAB) return false
    }
  }
  return true
}

export interface IndexTableInput {
  fileName: string
  delimiter: string
  newline: CsvNewline
  /** The user's choice of header row (1-based), or undefined to detect it. */
  headerRow: number | undefined
  /** Notices gathered so far (e.g. about the encoding); more are added here. */
  notices: string[]
  signal: AbortSignal
  onProgress(scannedBytes: number, records: number): void
  describe: TableDescription
}

export function indexTable(bytes: Uint8Array, input: IndexTableInput): ParsedTable {
  const { fileName, notices, signal } = input
  const index = scanCsv(bytes, {
    delimiter: input.delimiter.charCodeAt(0),
    newline: input.newline,
    onProgress(scanned, records) {
      throwIfAborted(signal)
      input.onProgress(scanned, records)
    },
  })
  throwIfAborted(signal)
  const options = { headerRow: input.headerRow }

  // papaparse (and so the index) ends a file that ends with a newline with one empty record: not a row.
  let records = index.recordCount
  if (
    records > 0 &&
    fieldCount(index, records - 1) === 1 &&
    index.fieldStart[index.recordStart[records - 1]!] === bytes.length
  ) {
    records--
  }

  const leading = Math.min(records, HEADER_SEARCH_RECORDS)
  let header: number
  if (options.headerRow !== undefined) {
    header = options.headerRow - 1
    if (header >= leading) {
      const values = { row: options.headerRow, max: HEADER_SEARCH_RECORDS, records }
      throw new AppError(
        'CSV_PARSE',
        records < HEADER_SEARCH_RECORDS
          ? t('engine:table.headerOutOfRangeShortFile', values)
          : t('engine:table.headerOutOfRange', values),
      )
    }
  } else {
    const firstRecords = Array.from({ length: leading }, (_, record) => decodeRecord(index, record))
    header = detectHeaderRow(firstRecords)
    while (header < leading - 1 && isBlankRecord(index, header)) header++
  }
  if (records === 0 || isBlankRecord(index, header)) {
    throw new AppError('FILE_EMPTY', t('engine:table.noHeader', { name: fileName }))
  }
  const rawHeader = decodeRecord(index, header)
  let titleRowsSkipped = 0
  for (let record = 0; record < header; record++) if (!isBlankRecord(index, record)) titleRowsSkipped++

  const rowRecords = new Uint32Array(records - header - 1)
  const raggedRows: number[] = []
  let rowCount = 0
  let emptyRowsSkipped = 0
  let raggedCount = 0
  for (let record = header + 1; record < records; record++) {
    if (isBlankRecord(index, record)) {
      emptyRowsSkipped++
      continue
    }
    if (fieldCount(index, record) !== rawHeader.length) {
      raggedCount++
      if (raggedRows.length < MAX_RAGGED_LISTED) raggedRows.push(record + 1)
    }
    rowRecords[rowCount++] = record
  }
  const rows = rowRecords.subarray(0, rowCount)

  const { headers, renamed } = uniqueHeaders(rawHeader)
  if (renamed > 0) {
    const blankExample = t('engine:table.blankColumnName', { number: 3 })
    notices.push(t('engine:table.renamedColumns', { count: renamed, blankExample }))
  }
  if (rowCount === 0) notices.push(t('engine:table.noDataRows'))
  if (raggedCount > 0) {
    const listed = raggedRows.slice(0, 5).join(', ') + (raggedCount > 5 ? ', …' : '')
    notices.push(t('engine:table.raggedRows', { count: raggedCount, rows: listed }))
  }
  const unclosed = index.errors.find((error) => error.code === 'MissingQuotes')
  if (unclosed) {
    notices.push(t('engine:table.unclosedQuote', { row: unclosed.record + 1 }))
  }
  if (titleRowsSkipped > 0) {
    notices.push(t('engine:table.titleRowsSkipped', { count: titleRowsSkipped, header: header + 1 }))
  }
  if (emptyRowsSkipped > 0) {
    notices.push(t('engine:table.emptyRowsSkipped', { count: emptyRowsSkipped }))
  }
  return {
    ...input.describe,
    fileName,
    headerRow: header + 1,
    headers,
    rowCount,
    cells: (row) => decodeRecord(index, rows[row]!),
    cell: (row, column) => cellOf(index, rows[row]!, column),
    rowNumber: (row) => rows[row]! + 1,
    emptyRowsSkipped,
    raggedRows,
    notices,
    bytes: { index, records: rows },
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED', t('engine:file.cancelled'))
}
