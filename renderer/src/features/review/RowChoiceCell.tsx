import type { DuplicateChoice, ReviewRow } from '#shared/ipc/contract.ts'
import { formatCount } from '../../lib/format.ts'
import type { CellPhrases } from './cell-phrases.ts'

interface RowChoiceCellProps {
  row: ReviewRow | undefined
  choice: DuplicateChoice
  onExclude(row: number, excluded: boolean): void
  /** The grid's words (see ReviewCell: translated once, not per cell). */
  phrases: CellPhrases
}

/** What happens to a whole row: a "Send" checkbox, and in words why it is skipped or merged. */
export function RowChoiceCell({ row, choice, onExclude, phrases }: RowChoiceCellProps) {
  if (!row) return <span className="placeholder" aria-label={phrases.loading} />
  const note = noteOf(phrases, row, choice)
  return (
    <span className="row-choice">
      <input
        type="checkbox"
        aria-label={phrases.send({ row: row.row })}
        checked={!row.excluded}
        onChange={(event) => onExclude(row.row, !event.currentTarget.checked)}
      />
      {note ? <span className={row.excluded ? 'row-note excluded' : 'row-note'}>{note}</span> : null}
    </span>
  )
}

// Row numbers are said as they are (no thousands separator): they are the spreadsheet's own numbers.
// Group sizes are counts, in the language's number format.
function noteOf(phrases: CellPhrases, row: ReviewRow, choice: DuplicateChoice): string | null {
  if (row.excluded) return phrases.excluded
  const duplicate = row.duplicate
  if (!duplicate) return null
  if (duplicate.first === row.row) {
    return choice === 'merge'
      ? phrases.t('row.merged', { count: duplicate.size })
      : phrases.firstOf({ size: formatCount(duplicate.size) })
  }
  if (choice === 'keepFirst') return phrases.duplicateOf({ row: duplicate.first })
  if (choice === 'merge') return phrases.mergedInto({ row: duplicate.first })
  return phrases.sameCustomer({ row: duplicate.first })
}
