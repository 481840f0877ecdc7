import type { Assignment } from '#shared/mapping/mapping.ts'
import type { AssignmentChange } from '../../store/types.ts'

interface JoinColumnsProps {
  id: string
  fieldLabel: string
  assignment: Assignment
  headers: readonly string[]
  onChange(change: AssignmentChange): void
}

/** More columns after the mapped one (first name + last name → one name), with the text between. */
export function JoinColumns({ id, fieldLabel, assignment, headers, onChange }: JoinColumnsProps) {
  const joined = assignment.joinColumns ?? []
  const setJoined = (next: number[]) =>
    onChange(next.length === 0 ? { joinColumns: undefined, joinWith: undefined } : { joinColumns: next })
  const used = new Set([assignment.column, ...joined])
  const nextColumn = headers.findIndex((_, column) => !used.has(column))
  return (
    <div className="join-columns" role="group" aria-labelledby={`${id}-join-title`}>
      <span id={`${id}-join-title`} className="transform-control-title">
        Join more columns
      </span>
      {joined.map((column, index) => (
        <div key={index} className="join-row">
          <label htmlFor={`${id}-join-${index}`}>Then column</label>
          <select
            id={`${id}-join-${index}`}
            value={column}
            onChange={(event) =>
              setJoined(joined.map((c, i) => (i === index ? Number(event.target.value) : c)))
            }
          >
            {headers.map((header, option) => (
              <option key={`${option}-${header}`} value={option}>
                {header}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="link-button"
            aria-label={`Remove column “${headers[column] ?? ''}” from ${fieldLabel}`}
            onClick={() => setJoined(joined.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      {joined.length > 0 ? (
        <div className="join-row">
          <label htmlFor={`${id}-join-with`}>Text between them</label>
          <input
            id={`${id}-join-with`}
            className="separator-input"
            value={assignment.joinWith ?? ' '}
            maxLength={10}
            aria-describedby={`${id}-join-with-hint`}
            onChange={(event) =>
              onChange({ joinWith: event.target.value === ' ' ? undefined : event.target.value })
            }
          />
          <span id={`${id}-join-with-hint`} className="muted">
            {(assignment.joinWith ?? ' ') === ' ' ? 'a space' : ''}
          </span>
        </div>
      ) : null}
      <button
        type="button"
        className="link-button"
        disabled={headers.length === 0}
        onClick={() => setJoined([...joined, nextColumn === -1 ? assignment.column : nextColumn])}
      >
        + Add a column
      </button>
    </div>
  )
}
