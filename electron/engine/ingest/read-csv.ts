import { isUtf8 } from 'node:buffer'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import Papa from 'papaparse'
import type { IngestOptions } from '#shared/ingest-options.ts'
import { AppError } from '#shared/errors.ts'
import { decodeRecord, fieldCount, guessNewline, scanCsv, type CsvIndex } from './csv-index.ts'
import { detectEncoding, encodingName, type TextEncodingLabel } from './detect-encoding.ts'
import { detectHeaderRow, HEADER_SEARCH_RECORDS } from './detect-header-row.ts'
import { sniffFile, unreadable } from './sniff-file.ts'

export interface ParsedCsv {
  fileName: string
  /** Source row number of the header (1 unless title rows come first). */
  headerRow: number
  encodingLabel: TextEncodingLabel
  encoding: string
  delimiter: string
  headers: string[]
  rowCount: number
  /** The cells of data row `index` (0-based), decoded on demand from the file's bytes. */
  cells(index: number): string[]
  /** Source row number of data row `index` (the header is row 1; empty rows keep their numbers). */
  rowNumber(index: number): number
  emptyRowsSkipped: number
  raggedRows: number[]
  notices: string[]
}

/** What the user chose instead of what was detected. */
export type ReadOptions = IngestOptions

export interface ReadProgress {
  bytesRead: number
  totalBytes: number
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

const DELIMITERS = [',', ';', '\t', '|']

/**
 * Lets papaparse guess the delimiter from the first rows, ignoring blank lines: its guess over the
 * whole stream counts a trailing blank line against the right answer in small files.
 */
export function guessDelimiter(sample: string): string {
  const guess = Papa.parse<string[]>(sample, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS,
  })
  return guess.meta.delimiter || ','
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

/** The file as UTF-8 bytes: UTF-8 as it is, anything else transcoded once. */
function asUtf8(raw: Buffer, encoding: TextEncodingLabel): Uint8Array {
  if (encoding === 'utf-8') return raw
  return Buffer.from(new TextDecoder(encoding).decode(raw), 'utf8')
}

/**
 * Reads a delimited text file into the compact form the dataset keeps: the file's UTF-8 bytes plus a
 * typed-array index of every field (csv-index.ts, proven equal to papaparse). Cells are decoded only
 * when a row is shown or sent. papaparse sniffs the delimiter and newline from the start of the file.
 */
export async function readCsv(
  path: string,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<ParsedCsv> {
  const fileName = basename(path)
  const sniffed = await sniffFile(path)
  const raw = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(fileName, error)
  })
  throwIfAborted(signal)
  let detected: { encoding: TextEncodingLabel; basis: string; bomLength: number } = sniffed
  // The sample said UTF-8, but a bad byte further on would turn into "�" silently: look again at it all.
  if (!options.encoding && sniffed.encoding === 'utf-8' && !isUtf8(raw)) detected = detectEncoding(raw, false)
  const encoding = options.encoding ?? detected.encoding
  const notices: string[] = []
  if (!options.encoding && detected.basis === 'letter-frequency') {
    notices.push(
      `This file is not UTF-8, so Crosswalk guessed it is ${encodingName(encoding)} from its accented letters. If names look wrong (e.g. "Å‚" or "¹" instead of "ł" or "ą"), choose the right encoding, or save the file from your spreadsheet program as "CSV UTF-8" and drop it again.`,
    )
  }

  const bytes = asUtf8(raw, encoding)
  const sample = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024))
  const delimiter = options.delimiter ?? guessDelimiter(sample)
  const index = scanCsv(bytes, {
    delimiter: delimiter.charCodeAt(0),
    newline: guessNewline(sample),
    onProgress(scanned) {
      throwIfAborted(signal)
      onProgress({
        bytesRead: Math.round((scanned / Math.max(bytes.length, 1)) * raw.length),
        totalBytes: raw.length,
      })
    },
  })
  throwIfAborted(signal)

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
    fileName,
    headerRow: header + 1,
    encodingLabel: encoding,
    encoding:
      encodingName(encoding) +
      (detected.bomLength > 0 && encoding === detected.encoding ? ' (with BOM)' : ''),
    delimiter,
    headers,
    rowCount,
    cells: (row) => decodeRecord(index, rows[row]!),
    rowNumber: (row) => rows[row]! + 1,
    emptyRowsSkipped,
    raggedRows,
    notices,
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED', 'Reading the file was cancelled.')
}
