import type { ParsedTable } from './index-table.ts'
import { readCsv, type ReadOptions, type ReadProgress } from './read-csv.ts'
import { readXlsx } from './read-xlsx.ts'
import { sniffFile } from './sniff-file.ts'

/**
 * Reads any spreadsheet Crosswalk supports — delimited text in any of its encodings, or an .xlsx
 * workbook — into the same compact table. What the file is comes from its bytes, never its name.
 */
export async function readTable(
  path: string,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<ParsedTable> {
  const sniffed = await sniffFile(path)
  if (sniffed.kind === 'xlsx') return readXlsx(path, sniffed.stamp, signal, onProgress, options)
  return readCsv(path, sniffed, signal, onProgress, options)
}
