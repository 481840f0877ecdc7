import { readTable } from '../electron/engine/ingest/read-table.ts'

/**
 * One measured workbook read in a fresh process (cold, its own peak RSS), through the same entry the
 * app uses. Usage: node bench/xlsx-child.ts FILE. Prints one JSON line.
 */

export interface XlsxChildResult {
  ms: number
  rows: number
  columns: number
  maxRssBytes: number
}

const path = process.argv[2]
if (!path) throw new Error('usage: node bench/xlsx-child.ts FILE')
const t0 = performance.now()
const table = await readTable(path, new AbortController().signal, () => {})
const ms = performance.now() - t0
const result: XlsxChildResult = {
  ms,
  rows: table.rowCount,
  columns: table.headers.length,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}
console.log(JSON.stringify(result))
