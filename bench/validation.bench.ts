import { applyMapping } from '../shared/mapping/apply-mapping.ts'
import { autoMatch } from '../shared/mapping/auto-match.ts'
import type { Mapping } from '../shared/mapping/mapping.ts'
import { PROVIDERS } from '../shared/providers/registry.ts'
import { validateRecord } from '../shared/validation/validate-record.ts'
import { Dataset } from '../electron/engine/dataset/dataset.ts'
import { readTable } from '../electron/engine/ingest/read-table.ts'
import { benchCsv } from './generate-csv.ts'
import { median, type BenchReport, type BenchRow } from './report.ts'

/**
 * Whole-file validation (issue 6): how many rows per second Dataset.applyMapping checks, per
 * provider with the fields the bench file auto-matches (the median of `runs`, each on a new dataset:
 * issues, summary, flags and duplicate groups). The baseline, measured once in the same run, is the
 * plain path: decode every cell of a row, build the record, run validateRecord.
 */

const TARGET_ROWS_PER_SECOND = 1_000_000

export async function validationBench(options: { rows: number; runs: number }): Promise<BenchReport> {
  const table = await readTable(benchCsv(options.rows), new AbortController().signal, () => {})
  const rate = (ms: number) => Math.round(table.rowCount / (ms / 1000))
  const format = (perSecond: number) => `${(perSecond / 1e6).toFixed(2)}M rows/s`
  const rows: BenchRow[] = []
  for (const provider of Object.values(PROVIDERS)) {
    const mapping: Mapping = { providerId: provider.id, assignments: autoMatch(table.headers, provider) }
    let started = performance.now()
    for (let index = 0; index < table.rowCount; index++) {
      validateRecord(provider, applyMapping(table.cells(index), mapping))
    }
    const baseline = rate(performance.now() - started)
    const compiledRates: number[] = []
    for (let run = 0; run < options.runs; run++) {
      started = performance.now()
      new Dataset(table).applyMapping(mapping)
      compiledRates.push(rate(performance.now() - started))
    }
    const compiled = median(compiledRates)
    rows.push(
      {
        figure: `${provider.displayName}: decode all + validateRecord (baseline)`,
        value: format(baseline),
        target: '',
        ratio: '1.00×',
        result: '',
      },
      {
        figure: `${provider.displayName}: applyMapping, ${mapping.assignments.length} fields (compiled)`,
        value: `${format(compiled)} (best ${format(Math.max(...compiledRates))})`,
        target: `≥ ${format(TARGET_ROWS_PER_SECOND)}`,
        ratio: `${(compiled / baseline).toFixed(2)}×`,
        result: compiled >= TARGET_ROWS_PER_SECOND ? 'PASS' : 'FAIL',
      },
    )
  }
  return {
    title: `Validation: ${table.rowCount.toLocaleString('en-US')} rows × ${table.headers.length} columns, every provider`,
    detail: `baseline once, applyMapping the median of ${options.runs} runs, in this process, after reading the file`,
    rows,
  }
}
