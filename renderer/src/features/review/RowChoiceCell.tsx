import type { TFunction } from 'i18next'
import type { DuplicateChoice, ReviewRow } from '#shared/ipc/contract.ts'
import { formatCount } from '../../lib/format.ts'

interface RowChoiceCellProps {
  row: ReviewRow | undefined
  choice: DuplicateChoice
  onExclude(row: number, excluded: boolean): void
  /** The grid's translator (see ReviewCell: no useTranslation per cell). */
  t: TFunction<'review'>
}

/** What happens to a whole row: a "Send" checkbox, and in words why it is skipped or merged. */
export function RowChoiceCell({ row, choice, onExclude, t }: RowChoiceCellProps) {
  if (!row) return <span className="placeholder" aria-label={t('cell.loading')} />
  const note = noteOf(t, row, choice)
  return (
    <span className="row-choice">
      <input
        type="checkbox"
        aria-label={t('row.send', { row: row.row })}
        checked={!row.excluded}
        onChange={(event) => onExclude(row.row, !event.currentTarget.checked)}
      />
      {note ? <span className={row.excluded ? 'row-note excluded' : 'row-note'}>{note}</span> : null}
    </span>
  )
}

// Row numbers are said as they are (no thousands separator): they are the spreadsheet's own numbers.
// Group sizes are counts, in the language's number format.
function noteOf(t: TFunction<'review'>, row: ReviewRow, choice: DuplicateChoice): string | null {
  if (row.excluded) return t('row.excluded')
  const duplicate = row.duplicate
  if (!duplicate) return null
  if (duplicate.first === row.row) {
    return choice === 'merge'
      ? t('row.merged', { count: duplicate.size })
      : t('row.firstOf', { size: formatCount(duplicate.size) })
  }
  if (choice === 'keepFirst') return t('row.duplicateOf', { row: duplicate.first })
  if (choice === 'merge') return t('row.mergedInto', { row: duplicate.first })
  return t('row.sameCustomer', { row: duplicate.first })
}
