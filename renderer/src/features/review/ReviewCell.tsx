import { useState } from 'react'
import type { ReviewRow } from '#shared/ipc/contract.ts'
import type { CellPhrases } from './cell-phrases.ts'

// Symbols, not words: the same in every language, and hidden from screen readers, which hear the
// translated "Error:" or "Warning:" instead.
const ICONS = { error: '✕', warning: '⚠' } as const

interface ReviewCellProps {
  row: ReviewRow | undefined
  field: string
  /** The source column the field reads, which an edit changes. */
  column: number
  label: string
  onEdit(value: string): void
  /**
   * The grid's words, translated once for every cell: a scrolling grid draws hundreds of cells a
   * frame, and useTranslation or t() in each was a good part of each frame (scroll bench profile).
   */
  phrases: CellPhrases
}

/**
 * One mapped value. An issue marks it with a word, an icon and a tint, and its message is read out;
 * pressing it opens an editor (Enter saves, Escape cancels), and an edited cell says so.
 */
export function ReviewCell({ row, field, column, label, onEdit, phrases }: ReviewCellProps) {
  // Which row is being edited, not just "editing": the grid reuses a cell for other rows as it
  // scrolls (no remounting per row), and an editor must not move to the row that scrolls into place.
  const [editingRow, setEditingRow] = useState<number | null>(null)
  if (!row) return <span className="placeholder" aria-label={phrases.loading} />
  const value = row.values?.[field] ?? ''
  const source = row.cells[column] ?? ''

  const setEditing = (on: boolean) => setEditingRow(on ? row.row : null)
  if (editingRow === row.row) {
    const commit = (next: string) => {
      setEditing(false)
      if (next !== source) onEdit(next)
    }
    return (
      <input
        className="cell-input"
        aria-label={phrases.edit({ field: label, row: row.row })}
        defaultValue={source}
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value)
          if (event.key === 'Escape') setEditing(false)
        }}
        onBlur={(event) => commit(event.currentTarget.value)}
      />
    )
  }

  const issues = row.issues?.filter((issue) => issue.field === field) ?? []
  const edit = row.edited?.find((candidate) => candidate.column === column)
  const severity =
    issues.length === 0 ? null : issues.some((issue) => issue.severity === 'error') ? 'error' : 'warning'
  const message = issues.map((issue) => issue.message).join(' ')
  const id = `issue-${row.row}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`
  return (
    <button
      type="button"
      className={`cell-button${severity ? ` cell-${severity}` : ''}`}
      // An empty cell has no text to be named by; only then is the label made.
      aria-label={value === '' && !severity ? phrases.edit({ field: label, row: row.row }) : undefined}
      aria-invalid={severity === 'error' || undefined}
      aria-describedby={severity ? id : undefined}
      title={
        [
          message,
          // A transform (phone, date, value map, name split) sends something other than the cell says.
          value !== source.trim() ? phrases.inYourFile({ value: source || phrases.emptyValue }) : '',
          edit ? phrases.was({ value: edit.original || phrases.emptyValue }) : '',
        ]
          .filter(Boolean)
          .join('\n') || undefined
      }
      onClick={() => setEditing(true)}
    >
      {severity ? <span aria-hidden="true">{ICONS[severity]} </span> : null}
      <span className="cell-text">{value === '' && severity ? <em>{phrases.empty}</em> : value}</span>
      {edit ? <span className="edited-tag">{phrases.edited}</span> : null}
      {row.merged?.includes(field) ? <span className="edited-tag">{phrases.merged}</span> : null}
      {severity ? (
        <span id={id} className="visually-hidden">
          {severity === 'error' ? phrases.error({ message }) : phrases.warning({ message })}
        </span>
      ) : null}
    </button>
  )
}
