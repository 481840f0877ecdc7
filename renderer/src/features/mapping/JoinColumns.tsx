import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('mapping')
  const joined = assignment.joinColumns ?? []
  const setJoined = (next: number[]) =>
    onChange(next.length === 0 ? { joinColumns: undefined, joinWith: undefined } : { joinColumns: next })
  const used = new Set([assignment.column, ...joined])
  const nextColumn = headers.findIndex((_, column) => !used.has(column))
  return (
    <div className="join-columns" role="group" aria-labelledby={`${id}-join-title`}>
      <span id={`${id}-join-title`} className="transform-control-title">
        {t('joinColumns.title')}
      </span>
      {joined.map((column, index) => (
        <div key={index} className="join-row">
          <label htmlFor={`${id}-join-${index}`}>{t('joinColumns.thenColumn')}</label>
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
            aria-label={t('joinColumns.removeLabel', { column: headers[column] ?? '', field: fieldLabel })}
            onClick={() => setJoined(joined.filter((_, i) => i !== index))}
          >
            {t('joinColumns.remove')}
          </button>
        </div>
      ))}
      {joined.length > 0 ? (
        <div className="join-row">
          <label htmlFor={`${id}-join-with`}>{t('joinColumns.between')}</label>
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
            {(assignment.joinWith ?? ' ') === ' ' ? t('joinColumns.aSpace') : ''}
          </span>
        </div>
      ) : null}
      <button
        type="button"
        className="link-button"
        disabled={headers.length === 0}
        onClick={() => setJoined([...joined, nextColumn === -1 ? assignment.column : nextColumn])}
      >
        {t('joinColumns.add')}
      </button>
    </div>
  )
}
