import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { Transform } from 'node:stream'
import Papa from 'papaparse'
import { AppError } from '#shared/errors.ts'
import { encodingName } from './detect-encoding.ts'
import { sniffFile, unreadable } from './sniff-file.ts'

export interface ParsedCsv {
  fileName: string
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
): Promise<ParsedCsv> {
  const fileName = basename(path)
  const sniff = await sniffFile(path)
  const notices: string[] = []
  if (sniff.basis === 'letter-frequency') {
    notices.push(
      `This file is not UTF-8, so Crosswalk guessed it is ${encodingName(sniff.encoding)} from its accented letters. If names look wrong (e.g. "Å‚" or "¹" instead of "ł" or "ą"), save the file from your spreadsheet program as "CSV UTF-8" and drop it again.`,
    )
  }

  const rows: string[][] = []
  const rowNumbers: number[] = []
  const raggedRows: number[] = []
  let rawHeader: string[] | null = null
  let recordNumber = 0
  let emptyRowsSkipped = 0
  let raggedCount = 0
  let unclosedQuoteRow: number | null = null

  const bytes = createReadStream(path)
  const text = bytes.pipe(decoder(sniff.encoding))
  bytes.on('error', (error) => text.destroy(error))

  const delimiter = guessDelimiter(new TextDecoder(sniff.encoding).decode(sniff.sample))
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
        for (const cells of results.data) {
          recordNumber++
          if (isEmptyRecord(cells)) {
            if (rawHeader !== null) emptyRowsSkipped++
            continue
          }
          if (rawHeader === null) {
            rawHeader = cells
            continue
          }
          if (cells.length !== rawHeader.length) {
            raggedCount++
            if (raggedRows.length < MAX_RAGGED_LISTED) raggedRows.push(recordNumber)
          }
          rows.push(cells)
          rowNumbers.push(recordNumber)
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
  if (emptyRowsSkipped > 0) {
    notices.push(`${emptyRowsSkipped} empty row${emptyRowsSkipped === 1 ? ' was' : 's were'} skipped.`)
  }
  return {
    fileName,
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
