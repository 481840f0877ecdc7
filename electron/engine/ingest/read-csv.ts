import { isUtf8 } from 'node:buffer'
import { basename } from 'node:path'
import Papa from 'papaparse'
import { t } from '#shared/i18n/i18n.ts'
import type { IngestOptions } from '#shared/ingest-options.ts'
import { guessNewline } from './csv-index.ts'
import { indexTable, throwIfAborted, type ParsedTable } from './index-table.ts'
import { detectEncoding, encodingName, type TextEncodingLabel } from './detect-encoding.ts'
import { readWholeFile, type TextSniff } from './sniff-file.ts'

/** What the user chose instead of what was detected. */
export type ReadOptions = IngestOptions

export interface ReadProgress {
  bytesRead: number
  totalBytes: number
  /** Lines (records) found so far: roughly the rows, before empty ones and the header are counted out. */
  recordsSoFar?: number
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
  sniffed: TextSniff,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<ParsedTable> {
  const fileName = basename(path)
  const raw = await readWholeFile(path, sniffed.stamp)
  throwIfAborted(signal)
  let detected: { encoding: TextEncodingLabel; basis: string; bomLength: number } = sniffed
  // The sample said UTF-8, but a bad byte further on would turn into "�" silently: look again at it all.
  if (!options.encoding && sniffed.encoding === 'utf-8' && !isUtf8(raw)) detected = detectEncoding(raw, false)
  const encoding = options.encoding ?? detected.encoding
  const notices: string[] = []
  if (!options.encoding && detected.basis === 'letter-frequency') {
    notices.push(t('engine:encoding.guessed', { encoding: encodingName(encoding) }))
  }

  const bytes = asUtf8(raw, encoding)
  const sample = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024))
  const delimiter = options.delimiter ?? guessDelimiter(sample)
  return indexTable(bytes, {
    fileName,
    delimiter,
    newline: guessNewline(sample),
    headerRow: options.headerRow,
    notices,
    signal,
    onProgress: (scanned, records) =>
      onProgress({
        bytesRead: Math.round((scanned / Math.max(bytes.length, 1)) * raw.length),
        totalBytes: raw.length,
        recordsSoFar: records,
      }),
    describe: {
      format: 'csv',
      encodingLabel: encoding,
      encoding:
        detected.bomLength > 0 && encoding === detected.encoding
          ? t('engine:encoding.withBom', { encoding: encodingName(encoding) })
          : encodingName(encoding),
      delimiter,
    },
  })
}
