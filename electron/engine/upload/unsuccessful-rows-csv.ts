import { csvForExcel } from '#shared/files/csv-for-excel.ts'
import { formatMessage, t } from '#shared/i18n/i18n.ts'
import type { RowOutcome } from '#shared/providers/types.ts'

/**
 * The rows that did not go through (failed or skipped), in the file's own columns plus one column
 * saying why, so they can be fixed in a spreadsheet program and imported again as they are.
 */
export function unsuccessfulRowsCsv(
  headers: readonly string[],
  outcomes: readonly RowOutcome[],
  cells: readonly (readonly string[])[],
): string {
  return csvForExcel(
    [...headers, t('engine:upload.unsuccessful.errorColumn')],
    outcomes.map((outcome, index) => [
      ...(cells[index] ?? []),
      t('engine:upload.unsuccessful.row', {
        row: outcome.row,
        message: outcome.said
          ? formatMessage(outcome.said)
          : (outcome.message ?? t(`engine:upload.unsuccessful.status.${outcome.status}`)),
      }),
    ]),
  )
}

export function isUnsuccessful(outcome: RowOutcome): boolean {
  return outcome.status === 'failed' || outcome.status === 'skipped'
}
