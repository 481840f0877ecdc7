import { readSheet } from 'read-excel-file/node'
import { readTable } from '../electron/engine/ingest/read-table.ts'

/**
 * One measured workbook read in a fresh process (cold, its own peak RSS). Modes: `crosswalk` (the
 * entry point the app uses) or `read-excel-file` (the library candidate, for the comparison).
 * Usage: node bench/xlsx-child.ts MODE FILE. Prints one JSON line.
 */

export type XlsxChildMode = 'crosswalk' | 'read-excel-file'

export interface XlsxChildResult {
  ms: number
  rows: number
  columns: number
  maxRssBytes: number
}

const [mode, path] = process.argv.slice(2) as [XlsxChildMode, string]
if (!path || (mode !== 'crosswalk' && mode !== 'read-excel-file')) {
  throw new Error('usage: node bench/xlsx-child.ts crosswalk|read-excel-file FILE')
}
const t0 = performance.now()
let rows: number
let columns: number
if (mode === 'crosswalk') {
  const table = await readTable(path, new AbortController().signal, () => {})
  rows = table.rowCount
  columns = table.headers.length
} else {
  const data = await readSheet(path, { parseNumber: (text: string) => text })
  rows = data.length - 1
  columns = data[0]?.length ?? 0
}
const result: XlsxChildResult = {
  ms: performance.now() - t0,
  rows,
  columns,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}
console.log(JSON.stringify(result))
