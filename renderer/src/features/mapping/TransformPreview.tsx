import type { Assignment } from '#shared/mapping/mapping.ts'
import { columnsOf } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'
import { sentValues } from './sample-values.ts'

interface TransformPreviewProps {
  field: ProviderField
  assignment: Assignment
  rows: readonly (readonly string[])[]
  /** Rows shown: enough to see the pattern, few enough to stay compact. */
  limit?: number
}

/** The first rows with a value, as in the file and as they will be sent, problems marked. */
export function TransformPreview({ field, assignment, rows, limit = 5 }: TransformPreviewProps) {
  const columns = columnsOf(assignment)
  const sent = sentValues(assignment, rows)
  const shown = rows
    .map((cells, row) => ({ cells: columns.map((column) => cells[column] ?? ''), sent: sent[row] ?? '' }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
    .slice(0, limit)
  if (shown.length === 0) return <p className="muted">The first rows of the file have no values here.</p>
  return (
    <table className="transform-preview">
      <caption>Preview of {field.label}: the first rows as they will be sent</caption>
      <thead>
        <tr>
          <th scope="col">In your file</th>
          <th scope="col">Sent as</th>
        </tr>
      </thead>
      <tbody>
        {shown.map(({ cells, sent: value }, index) => {
          const issue = value === '' ? undefined : checkField(field, value)[0]
          return (
            <tr key={index} className={issue ? 'rejected' : undefined}>
              <td>{cells.filter((cell) => cell.trim() !== '').join(' + ')}</td>
              <td>
                {value === '' ? <span className="muted">(left out)</span> : value}
                {issue ? (
                  <span className="preview-issue">
                    <span aria-hidden="true">✕ </span>
                    <span className="visually-hidden">Will be rejected: </span>
                    {issue.message}
                  </span>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
