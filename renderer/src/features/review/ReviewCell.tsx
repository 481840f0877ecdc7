import type { ReviewRow } from '#shared/ipc/contract.ts'

/** One mapped value; an issue marks it with a word, an icon and a tint, and its message is read out. */
export function ReviewCell({ row, field }: { row: ReviewRow | undefined; field: string }) {
  if (!row) return <span className="placeholder" aria-label="Loading" />
  const value = row.values?.[field] ?? ''
  const issues = row.issues?.filter((issue) => issue.field === field) ?? []
  if (issues.length === 0) return <span className="cell-text">{value}</span>
  const message = issues.map((issue) => issue.message).join(' ')
  const id = `issue-${row.row}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`
  const severity = issues.some((issue) => issue.severity === 'error') ? 'error' : 'warning'
  return (
    <span
      className={`cell-text cell-${severity}`}
      aria-invalid={severity === 'error'}
      aria-describedby={id}
      title={message}
    >
      <span aria-hidden="true">{severity === 'error' ? '✕ ' : '⚠ '}</span>
      {value === '' ? <em>empty</em> : value}
      <span id={id} className="visually-hidden">
        {severity === 'error' ? 'Error: ' : 'Warning: '}
        {message}
      </span>
    </span>
  )
}
