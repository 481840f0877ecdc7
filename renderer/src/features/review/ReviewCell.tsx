import { useState } from 'react'
import type { ReviewRow } from '#shared/ipc/contract.ts'

interface ReviewCellProps {
  row: ReviewRow | undefined
  field: string
  /** The source column the field reads, which an edit changes. */
  column: number
  label: string
  onEdit(value: string): void
}

/**
 * One mapped value. An issue marks it with a word, an icon and a tint, and its message is read out;
 * pressing it opens an editor (Enter saves, Escape cancels), and an edited cell says so.
 */
export function ReviewCell({ row, field, column, label, onEdit }: ReviewCellProps) {
  const [editing, setEditing] = useState(false)
  if (!row) return <span className="placeholder" aria-label="Loading" />
  const value = row.values?.[field] ?? ''
  const source = row.cells[column] ?? ''
  const where = `${label}, row ${row.row}`

  if (editing) {
    const commit = (next: string) => {
      setEditing(false)
      if (next !== source) onEdit(next)
    }
    return (
      <input
        className="cell-input"
        aria-label={`Edit ${where}`}
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
      aria-invalid={severity === 'error' || undefined}
      aria-describedby={severity ? id : undefined}
      title={
        [
          message,
          // A transform (phone, date, value map, name split) sends something other than the cell says.
          value !== source.trim() ? `In your file: ${source || '(empty)'}` : '',
          edit ? `Was: ${edit.original || '(empty)'}` : '',
        ]
          .filter(Boolean)
          .join('\n') || `Edit ${where}`
      }
      onClick={() => setEditing(true)}
    >
      {severity ? <span aria-hidden="true">{severity === 'error' ? '✕ ' : '⚠ '}</span> : null}
      <span className="cell-text">{value === '' && severity ? <em>empty</em> : value}</span>
      {edit ? <span className="edited-tag">edited</span> : null}
      {row.merged?.includes(field) ? <span className="edited-tag">merged</span> : null}
      {severity ? (
        <span id={id} className="visually-hidden">
          {severity === 'error' ? 'Error: ' : 'Warning: '}
          {message}
        </span>
      ) : null}
    </button>
  )
}
