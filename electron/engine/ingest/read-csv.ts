import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { Transform } from 'node:stream'
import Papa from 'papaparse'
import type { IngestOptions } from '#shared/ingest-options.ts'
import { AppError } from '#shared/errors.ts'
import { encodingName, type TextEncodingLabel } from './detect-encoding.ts'
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
  rows: string[][]
  /** Source row number of each row (the header is row 1; empty rows keep their numbers). */
  rowNumbers: number[]
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

/** Decodes bytes in any supported encoding to UTF-16 strings, dropping the byte-order mark. */
function decoder(encoding: string): Transform {
  const text = new TextDecoder(encoding, { ignoreBOM: false })
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }))
    },
    flush(done) {
      const rest = text.decode()
      done(null, rest === '' ? undefined : rest)
    },
  })
}

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

const isEmptyRecord = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '')

/**
 * Reads a delimited text file in one streaming pass: papaparse detects the delimiter and splits
 * records (quoted fields with delimiters, quotes and line breaks; CRLF/LF/CR). The first non-empty
 * record is the header.
 */
export async function readCsv(
  path: string,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<ParsedCsv> {
  const fileName = basename(path)
  const detected = await sniffFile(path)
  const sniff = options.encoding
    ? { ...detected, encoding: options.encoding, basis: 'chosen' as const }
    : detected
  const notices: string[] = []
  if (sniff.basis === 'letter-frequency') {
    notices.push(
      `This file is not UTF-8, so Crosswalk guessed it is ${encodingName(sniff.encoding)} from its accented letters. If names look wrong (e.g. "Å‚" or "¹" instead of "ł" or "ą"), save the file from your spreadsheet program as "CSV UTF-8" and drop it again.`,
    )
  }

  const rows: string[][] = []
  const rowNumbers: number[] = []
  let headerRow = 1
  const raggedRows: number[] = []
  let rawHeader: string[] | null = null
  let recordNumber = 0
  let emptyRowsSkipped = 0
  let raggedCount = 0
  let unclosedQuoteRow: number | null = null
  let titleRowsSkipped = 0
  // The first records wait here until the header is chosen among them.
  const leading: { cells: string[]; number: number }[] = []

  const acceptRow = (cells: string[], number: number) => {
    if (isEmptyRecord(cells)) {
      emptyRowsSkipped++
      return
    }
    if (cells.length !== (rawHeader?.length ?? 0)) {
      raggedCount++
      if (raggedRows.length < MAX_RAGGED_LISTED) raggedRows.push(number)
    }
    rows.push(cells)
    rowNumbers.push(number)
  }

  const chooseHeader = () => {
    let index: number
    if (options.headerRow !== undefined) {
      index = leading.findIndex((record) => record.number === options.headerRow)
      if (index === -1) {
        throw new AppError(
          'CSV_PARSE',
          `Row ${options.headerRow} cannot be the header: choose one of the first ${HEADER_SEARCH_RECORDS} rows${leading.length < HEADER_SEARCH_RECORDS ? ` (the file has ${leading.length})` : ''}.`,
        )
      }
    } else {
      index = detectHeaderRow(leading.map((record) => record.cells))
      // Detection only looks past empty records when they lead the file.
      while (index < leading.length - 1 && isEmptyRecord(leading[index]?.cells ?? [])) index++
    }
    const header = leading[index]
    if (!header || isEmptyRecord(header.cells)) return
    rawHeader = header.cells
    headerRow = header.number
    titleRowsSkipped = leading.slice(0, index).filter((record) => !isEmptyRecord(record.cells)).length
    for (const record of leading.slice(index + 1)) acceptRow(record.cells, record.number)
    leading.length = 0
  }

  const readRecords = (records: string[][]) => {
    for (const cells of records) {
      recordNumber++
      if (rawHeader !== null) acceptRow(cells, recordNumber)
      else {
        leading.push({ cells, number: recordNumber })
        if (leading.length >= HEADER_SEARCH_RECORDS) chooseHeader()
      }
    }
  }

  const bytes = createReadStream(path)
  const text = bytes.pipe(decoder(sniff.encoding))
  bytes.on('error', (error) => text.destroy(error))

  const delimiter = options.delimiter ?? guessDelimiter(new TextDecoder(sniff.encoding).decode(sniff.sample))
  await new Promise<void>((resolve, reject) => {
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      bytes.destroy()
      reject(error)
    }
    text.on('error', (error: NodeJS.ErrnoException) => fail(unreadable(fileName, error)))
    Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
      delimiter,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (signal.aborted) {
          parser.abort()
          return
        }
        for (const error of results.errors) {
          if (error.code === 'MissingQuotes' && unclosedQuoteRow === null) {
            unclosedQuoteRow = recordNumber + (error.row ?? 0) + 1
          }
        }
        try {
          readRecords(results.data)
        } catch (error) {
          parser.abort()
          fail(error)
          return
        }
        onProgress({ bytesRead: bytes.bytesRead, totalBytes: sniff.size })
      },
      // In chunk mode papaparse calls `complete` without results: everything was handled in `chunk`.
      complete() {
        if (settled) return
        settled = true
        if (signal.aborted) reject(new AppError('JOB_CANCELLED', 'Reading the file was cancelled.'))
        else resolve()
      },
      error(error: Error) {
        fail(new AppError('CSV_PARSE', `Crosswalk could not read "${fileName}" as CSV: ${error.message}`))
      },
    })
  })

  if (rawHeader === null) chooseHeader() // files shorter than the header search
  if (rawHeader === null) {
    throw new AppError(
      'FILE_EMPTY',
      `"${fileName}" has no header row and no data. Choose a file with column names in the first row.`,
    )
  }
  const { headers, renamed } = uniqueHeaders(rawHeader)
  if (renamed > 0) {
    notices.push(
      `${renamed} column name${renamed === 1 ? ' was' : 's were'} blank or repeated and got a unique name (e.g. "Column 3", "Email (2)").`,
    )
  }
  if (rows.length === 0) {
    notices.push('The file has a header row but no customer rows.')
  }
  if (raggedCount > 0) {
    const listed = raggedRows.slice(0, 5).join(', ')
    notices.push(
      `${raggedCount} row${raggedCount === 1 ? ' has' : 's have'} a different number of cells than the header (row${raggedCount === 1 ? '' : 's'} ${listed}${raggedCount > 5 ? ', …' : ''}). Missing cells are treated as empty; check these rows in your spreadsheet.`,
    )
  }
  if (unclosedQuoteRow !== null) {
    notices.push(
      `A quotation mark opened around row ${unclosedQuoteRow} is never closed, so the rest of the file may have been read as one cell. Check that row in your spreadsheet.`,
    )
  }
  if (titleRowsSkipped > 0) {
    notices.push(
      `The header is row ${headerRow}; the ${titleRowsSkipped === 1 ? 'line' : `${titleRowsSkipped} lines`} above it (a title?) ${titleRowsSkipped === 1 ? 'was' : 'were'} skipped. Choose another header row if that is wrong.`,
    )
  }
  if (emptyRowsSkipped > 0) {
    notices.push(`${emptyRowsSkipped} empty row${emptyRowsSkipped === 1 ? ' was' : 's were'} skipped.`)
  }
  return {
    fileName,
    headerRow,
    encodingLabel: sniff.encoding,
    encoding: encodingName(sniff.encoding) + (sniff.bomLength > 0 ? ' (with BOM)' : ''),
    delimiter,
    headers,
    rows,
    rowNumbers,
    emptyRowsSkipped,
    raggedRows,
    notices,
  }
}
