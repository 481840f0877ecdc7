import { parseArgs } from 'node:util'
import { ingestBench } from './ingest.bench.ts'
import { failed, formatReport } from './report.ts'
import { uiIngestBench } from './ui-ingest.bench.ts'
import { uiScrollBench } from './ui-scroll.bench.ts'
import { uploadBench } from './upload.bench.ts'
import { validationBench } from './validation.bench.ts'
import { xlsxBench } from './xlsx.bench.ts'

// `npm run bench [-- --rows N --runs N]`: measures against baselines taken in the same run and prints
// each figure with its target and ratio. Timings live here, never in tests. Exits 1 if a target fails.

const USAGE = 'usage: npm run bench -- [--rows N (default 1000000)] [--runs N (default 5)]'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
})
const rows = Number(values.rows)
const runs = Number(values.runs)
if (values.help || !Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) {
  console.log(USAGE)
  process.exit(values.help ? 0 : 2)
}

console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`)
const reports = [await ingestBench({ rows, runs })]
console.log(formatReport(reports[0]!))
// The workbook bench scales with --rows too (capped at its 200,000-row target size).
reports.push(xlsxBench({ rows: Math.max(1, Math.round(rows / 5)), runs }))
console.log(`\n${formatReport(reports[1]!)}`)
reports.push(await validationBench({ rows, runs }))
console.log(`\n${formatReport(reports[2]!)}`)
reports.push(await uiIngestBench({ rows }))
console.log(`\n${formatReport(reports[3]!)}`)
reports.push(await uiScrollBench({ rows }))
console.log(`\n${formatReport(reports.at(-1)!)}`)
// Upload throughput does not depend on --rows: it is sized by the sandboxes' rate limit.
reports.push(await uploadBench())
console.log(`\n${formatReport(reports.at(-1)!)}`)
if (reports.some(failed)) process.exitCode = 1
