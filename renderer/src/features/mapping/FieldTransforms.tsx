import { useMemo, useState } from 'react'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import type { AssignmentChange } from '../../store/types.ts'
import { DateOrderSelect } from './DateOrderSelect.tsx'
import { dateQuestion } from './date-question.ts'
import { proposedTransforms } from './proposals.ts'
import { sentValues } from './sample-values.ts'
import { withTransform } from './transform-list.ts'
import { sampleOutcome, summarise } from './transform-summary.ts'
import { TransformPanel } from './TransformPanel.tsx'

interface FieldTransformsProps {
  /** The field row's id; ids here start with it. */
  id: string
  field: ProviderField
  assignment: Assignment
  headers: readonly string[]
  rows: readonly (readonly string[])[]
  defaultCountry: string
  onChange(change: AssignmentChange): void
}

/**
 * Under a mapped field: one line on what happens to its values and how the sample rows come out,
 * the question about ambiguous dates when there is one, and the panel to change it all (closed by
 * default: the screen lists some thirty fields).
 */
export function FieldTransforms({
  id,
  field,
  assignment,
  headers,
  rows,
  defaultCountry,
  onChange,
}: FieldTransformsProps) {
  const [open, setOpen] = useState(false)
  // Proposals are made once, the first time the panel opens: undone ones stay undone.
  const [proposed, setProposed] = useState(false)
  const { parts, outcome } = useMemo(() => {
    const sent = sentValues(assignment, rows)
    const raw = sentValues(
      { field: assignment.field, column: assignment.column, joinColumns: assignment.joinColumns },
      rows,
    )
    const outcome = sampleOutcome(field, sent, raw)
    return { parts: summarise(assignment, headers, sent, outcome), outcome }
  }, [assignment, field, headers, rows])
  const question = useMemo(() => dateQuestion(field, assignment, rows), [field, assignment, rows])
  const panelId = `${id}-transforms`

  const toggle = () => {
    if (!open && !proposed) {
      setProposed(true)
      const transforms = proposedTransforms(field, assignment, rows, defaultCountry)
      if (transforms) onChange({ transforms })
    }
    setOpen(!open)
  }

  return (
    <div className="field-transforms">
      <p className="transform-summary" id={`${id}-summary`}>
        <span>{parts.join(' · ')}</span>
        {outcome.rejected > 0 ? (
          <span className="summary-rejected">
            {' '}
            · <span aria-hidden="true">✕ </span>
            {outcome.rejected} of {outcome.present} would be rejected
          </span>
        ) : null}{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={toggle}
        >
          {open ? 'Close' : 'Change…'}
          <span className="visually-hidden"> how {field.label} is sent</span>
        </button>
      </p>
      {question ? (
        <div className="alert alert-warning date-question" role="group" aria-labelledby={`${id}-question`}>
          <span className="alert-icon" aria-hidden="true">
            ⚠
          </span>
          <div>
            <p id={`${id}-question`}>
              <strong>Needs your decision: </strong>
              These dates can be read two ways ({question.example} is{' '}
              {question.readings.map((reading) => reading.text).join(' or ')}). Which order does your file
              use?
            </p>
            <DateOrderSelect
              id={`${id}-question-order`}
              label={`Order of day and month in ${field.label}`}
              order={null}
              choices={question.readings}
              allowNone={false}
              onChange={(order) => {
                if (!order) return
                onChange({
                  transforms: withTransform(assignment.transforms, 'date', { kind: 'date', order }),
                })
              }}
            />
          </div>
        </div>
      ) : null}
      {open ? (
        <TransformPanel
          id={panelId}
          field={field}
          assignment={assignment}
          headers={headers}
          rows={rows}
          question={question}
          onChange={onChange}
        />
      ) : null}
    </div>
  )
}
