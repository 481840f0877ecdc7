import Papa from 'papaparse'
import type { RowOutcome } from '#shared/providers/types.ts'

/**
 * The rows that did not go through (failed or skipped), in the file's own columns plus one column
 * saying why, so they can be fixed in a spreadsheet program and imported again as they are. Starts
 * with a BOM so Excel opens it as UTF-8 (accented names stay readable).
 */
export function unsuccessfulRowsCsv(
  headers: readonly string[],
  outcomes: readonly RowOutcome[],
  cells: readonly (readonly string[])[],
): string {
  const csv = Papa.unparse({
    fields: [...headers, 'Crosswalk error'],
    data: outcomes.map((outcome, index) => [
      ...(cells[index] ?? []),
      `Row ${outcome.row}: ${outcome.message ?? outcome.status}`,
    ]),
  })
  return `\uFEFF${csv}\r\n`
}

export function isUnsuccessful(outcome: RowOutcome): boolean {
  return outcome.status === 'failed' || outcome.status === 'skipped'
}
