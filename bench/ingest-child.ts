import { isUtf8 } from 'node:buffer'
import { createReadStream, readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { guessNewline, scanCsv } from '../electron/engine/ingest/csv-index.ts'

/**
 * One measured ingest in a fresh process, so each run starts cold like a real import and its peak RSS
 * is its own. Usage: node bench/ingest-child.ts scan|papaparse FILE. Prints one JSON line.
 */

export interface ChildResult {
  mode: 'scan' | 'papaparse'
  ms: number
  /** Milliseconds per phase (scan only): read, utf8, newline, scan. */
  phases: Record<string, number>
  records: number
  fields: number
  errors: number
  maxRssBytes: number
}

const SAMPLE_BYTES = 64 * 1024

/** What ingest will do: read the bytes, check they are UTF-8, guess the newline, build the index. */
function scan(path: string): Omit<ChildResult, 'maxRssBytes'> {
  const t0 = performance.now()
  const bytes = readFileSync(path)
  const t1 = performance.now()
  if (!isUtf8(bytes)) throw new Error('bench file is not UTF-8')
  const t2 = performance.now()
  const newline = guessNewline(new TextDecoder().decode(bytes.subarray(0, SAMPLE_BYTES)))
  const t3 = performance.now()
  const index = scanCsv(bytes, { delimiter: 0x2c, newline })
  const t4 = performance.now()
  return {
    mode: 'scan',
    ms: t4 - t0,
    phases: { read: t1 - t0, utf8: t2 - t1, newline: t3 - t2, scan: t4 - t3 },
    records: index.recordCount,
    fields: index.fieldStart.length,
    errors: index.errorCount,
  }
}

/** The baseline: papaparse streaming the file as text, every chunk of rows dropped once parsed. */
function papaparse(path: string): Promise<Omit<ChildResult, 'maxRssBytes'>> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    let records = 0
    let fields = 0
    let errors = 0
    const text = createReadStream(path, { encoding: 'utf8' })
    text.on('error', reject)
    Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
      delimiter: ',',
      newline: '\n',
      skipEmptyLines: false,
      chunk(results) {
        records += results.data.length
        for (const row of results.data) fields += row.length
        errors += results.errors.length
      },
      complete() {
        resolve({ mode: 'papaparse', ms: performance.now() - t0, phases: {}, records, fields, errors })
      },
      error: reject,
    })
  })
}

const [mode, path] = process.argv.slice(2)
if ((mode !== 'scan' && mode !== 'papaparse') || !path) {
  console.error('usage: node bench/ingest-child.ts scan|papaparse FILE')
  process.exit(2)
}
const result = mode === 'scan' ? scan(path) : await papaparse(path)
// resourceUsage().maxRSS is in kilobytes (getrusage ru_maxrss).
const output: ChildResult = { ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }
console.log(JSON.stringify(output))
