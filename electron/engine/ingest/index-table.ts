import { AppError } from '#shared/errors.ts'
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
}

const MAX_RAGGED_LISTED = 1_000

/** "", "", "Email", "Email" → "Column 1", "Column 2", "Email", "Email (2)": every column gets a visible, unique name. */
export function uniqueHeaders(raw: readonly string[]): { headers: string[]; renamed: number } {
  const seen = new Map<string, number>()
  let renamed = 0
  const headers = raw.map((cell, index) => {
    let name = cell.trim()
    if (name === '') {
      name = `Column ${index + 1}`
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
      throw new AppError(
        'CSV_PARSE',
        `Row ${options.headerRow} cannot be the header: choose one of the first ${HEADER_SEARCH_RECORDS} rows${records < HEADER_SEARCH_RECORDS ? ` (the file has ${records})` : ''}.`,
      )
    }
  } else {
    const firstRecords = Array.from({ length: leading }, (_, record) => decodeRecord(index, record))
    header = detectHeaderRow(firstRecords)
    while (header < leading - 1 && isBlankRecord(index, header)) header++
  }
  if (records === 0 || isBlankRecord(index, header)) {
    throw new AppError(
      'FILE_EMPTY',
      `"${fileName}" has no header row and no data. Choose a file with column names in the first row.`,
    )
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
    notices.push(
      `${renamed} column name${renamed === 1 ? ' was' : 's were'} blank or repeated and got a unique name (e.g. "Column 3", "Email (2)").`,
    )
  }
  if (rowCount === 0) notices.push('The file has a header row but no customer rows.')
  if (raggedCount > 0) {
    const listed = raggedRows.slice(0, 5).join(', ')
    notices.push(
      `${raggedCount} row${raggedCount === 1 ? ' has' : 's have'} a different number of cells than the header (row${raggedCount === 1 ? '' : 's'} ${listed}${raggedCount > 5 ? ', …' : ''}). Missing cells are treated as empty; check these rows in your spreadsheet.`,
    )
  }
  const unclosed = index.errors.find((error) => error.code === 'MissingQuotes')
  if (unclosed) {
    notices.push(
      `A quotation mark opened in row ${unclosed.record + 1} is never closed, so the rest of the file was read as one cell. Check that row in your spreadsheet.`,
    )
  }
  if (titleRowsSkipped > 0) {
    notices.push(
      `The header is row ${header + 1}; the ${titleRowsSkipped === 1 ? 'line' : `${titleRowsSkipped} lines`} above it (a title?) ${titleRowsSkipped === 1 ? 'was' : 'were'} skipped. Choose another header row if that is wrong.`,
    )
  }
  if (emptyRowsSkipped > 0) {
    notices.push(`${emptyRowsSkipped} empty row${emptyRowsSkipped === 1 ? ' was' : 's were'} skipped.`)
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
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED', 'Reading the file was cancelled.')
}
