import type { DuplicateChoice, ReviewRow } from '#shared/ipc/contract.ts'

interface RowChoiceCellProps {
  row: ReviewRow | undefined
  choice: DuplicateChoice
  onExclude(row: number, excluded: boolean): void
}

/** What happens to a whole row: a "Send" checkbox, and in words why it is skipped or merged. */
export function RowChoiceCell({ row, choice, onExclude }: RowChoiceCellProps) {
  if (!row) return <span className="placeholder" aria-label="Loading" />
  const note = noteOf(row, choice)
  return (
    <span className="row-choice">
      <input
        type="checkbox"
        aria-label={`Send row ${row.row}`}
        checked={!row.excluded}
        onChange={(event) => onExclude(row.row, !event.currentTarget.checked)}
      />
      {note ? <span className={row.excluded ? 'row-note excluded' : 'row-note'}>{note}</span> : null}
    </span>
  )
}

function noteOf(row: ReviewRow, choice: DuplicateChoice): string | null {
  if (row.excluded) return 'Excluded'
  const duplicate = row.duplicate
  if (!duplicate) return null
  if (duplicate.first === row.row) {
    return choice === 'merge' ? `Merged (${duplicate.size} rows)` : `First of ${duplicate.size}`
  }
  if (choice === 'keepFirst') return `Duplicate of row ${duplicate.first}`
  if (choice === 'merge') return `Merged into row ${duplicate.first}`
  return `Same customer as row ${duplicate.first}`
}
