/** One line of a bench table: a measured figure, its target, its ratio to the same run's baseline. */
export interface BenchRow {
  figure: string
  value: string
  target: string
  ratio: string
  /** PASS or FAIL against the target, a reason it was not judged, or empty for context figures. */
  result: string
}

export interface BenchReport {
  title: string
  detail: string
  rows: BenchRow[]
}

const HEADINGS: BenchRow = {
  figure: 'figure',
  value: 'value',
  target: 'target',
  ratio: 'vs baseline',
  result: 'result',
}
const KEYS = Object.keys(HEADINGS) as (keyof BenchRow)[]

/** Plain-text table, columns padded to their widest cell, so it reads the same in a terminal and in CI logs. */
export function formatReport(report: BenchReport): string {
  const lines = [HEADINGS, ...report.rows]
  const widths = KEYS.map((key) => Math.max(...lines.map((line) => line[key].length)))
  const format = (line: BenchRow) =>
    KEYS.map((key, column) => line[key].padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2))
  return [report.title, report.detail, '', format(HEADINGS), rule, ...report.rows.map(format)].join('\n')
}

export const failed = (report: BenchReport) => report.rows.some((row) => row.result === 'FAIL')

/** The middle of the measured values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
