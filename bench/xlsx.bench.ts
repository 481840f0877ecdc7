import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { benchWorkbook } from './generate-xlsx.ts'
import { median, type BenchReport } from './report.ts'
import type { XlsxChildMode, XlsxChildResult } from './xlsx-child.ts'

/**
 * XLSX ingest against its targets (issue 3): a 200,000-row workbook is read in ≤ 10 s and ≤ 800 MB.
 * The baseline is the same table saved as CSV, read by the same entry point in the same run: the
 * ratio is what a user pays for sending a workbook instead of a CSV.
 */

const FULL_ROWS = 200_000
const TARGET_SECONDS = 10
const TARGET_RSS_BYTES = 800e6
const CHILD = fileURLToPath(new URL('./xlsx-child.ts', import.meta.url))

function runChild(mode: XlsxChildMode, path: string): XlsxChildResult {
  const child = spawnSync(process.execPath, [CHILD, mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (child.status !== 0) throw new Error(`reading ${path} failed (${child.status}): ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as XlsxChildResult
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`

export function xlsxBench(options: { rows: number; runs: number }): BenchReport {
  const rows = Math.min(options.rows, FULL_ROWS)
  const { xlsx, csv } = benchWorkbook(rows)
  const csvRuns: XlsxChildResult[] = []
  const xlsxRuns: XlsxChildResult[] = []
  for (let run = 0; run < Math.min(options.runs, 3); run++) {
    csvRuns.push(runChild('crosswalk', csv))
    xlsxRuns.push(runChild('crosswalk', xlsx))
  }
  // The library candidate is slow: measured once, for the comparison that chose the reader.
  const candidate = runChild('read-excel-file', xlsx)
  const baseline = median(csvRuns.map((run) => run.ms))
  const measured = median(xlsxRuns.map((run) => run.ms))
  const rss = Math.max(...xlsxRuns.map((run) => run.maxRssBytes))
  const same = xlsxRuns.every((run) => run.rows === csvRuns[0]!.rows && run.columns === csvRuns[0]!.columns)
  const full = rows === FULL_ROWS
  const judged = (ok: boolean) => (full ? (ok ? 'PASS' : 'FAIL') : 'n/a (full size only)')
  return {
    title: `XLSX ingest: ${rows.toLocaleString('en-US')} rows × 15 columns, ${megabytes(statSync(xlsx).size)} workbook`,
    detail: `median of ${xlsxRuns.length} cold runs each; same rows and columns as the CSV: ${same ? 'yes' : 'NO'}`,
    rows: [
      {
        figure: 'the same table as CSV, readTable (baseline)',
        value: seconds(baseline),
        target: '',
        ratio: '1.00×',
        result: '',
      },
      {
        figure: 'XLSX workbook, readTable (fflate + byte scanner + index)',
        value: seconds(measured),
        target: `≤ ${TARGET_SECONDS} s`,
        ratio: `${(measured / baseline).toFixed(1)}×`,
        result: same ? judged(measured <= TARGET_SECONDS * 1000) : 'FAIL (rows differ)',
      },
      {
        figure: 'peak RSS, XLSX',
        value: megabytes(rss),
        target: `≤ ${megabytes(TARGET_RSS_BYTES)}`,
        ratio: '',
        result: judged(rss <= TARGET_RSS_BYTES),
      },
      {
        figure: 'candidate: read-excel-file readSheet (1 run)',
        value: `${seconds(candidate.ms)}, ${megabytes(candidate.maxRssBytes)}`,
        target: '',
        ratio: `${(candidate.ms / baseline).toFixed(1)}× (${(candidate.ms / measured).toFixed(1)}× ours)`,
        result: candidate.rows === csvRuns[0]!.rows ? '' : 'rows differ',
      },
    ],
  }
}
