import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import type { AssignmentChange } from '../../store/types.ts'
import { DateOrderSelect } from './DateOrderSelect.tsx'
import { dateQuestion, spellDate } from './date-question.ts'
import { proposedTransforms } from './proposals.ts'
import { sentValues } from './sample-values.ts'
import { withTransform } from './transform-list.ts'
import { sampleOutcome, summarise } from './transform-summary.ts'
import { TransformPanel } from './TransformPanel.tsx'
import { formatCount } from '../../lib/format.ts'
import { ICON, PART_SEPARATOR } from './icons.ts'

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
  const { t } = useTranslation('mapping')
  const [open, setOpen] = useState(false)
  // Proposals are made once, the first time the panel opens: undone ones stay undone.
  const [proposed, setProposed] = useState(false)
  const { sent, outcome } = useMemo(() => {
    const sent = sentValues(assignment, rows)
    const raw = sentValues(
      { field: assignment.field, column: assignment.column, joinColumns: assignment.joinColumns },
      rows,
    )
    return { sent, outcome: sampleOutcome(field, sent, raw) }
  }, [assignment, field, rows])
  // Worded on every render (it is cheap), not in the memo: a change of language must reword it.
  const parts = summarise(assignment, headers, sent, outcome)
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
        <span>{parts.join(PART_SEPARATOR)}</span>
        {outcome.rejected > 0 ? (
          <span className="summary-rejected">
            {PART_SEPARATOR}
            <span aria-hidden="true">{ICON.rejected} </span>
            {t('fieldTransforms.rejected', {
              count: outcome.rejected,
              present: formatCount(outcome.present),
            })}
          </span>
        ) : null}{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={toggle}
        >
          {open ? t('fieldTransforms.close') : t('fieldTransforms.change')}
          <span className="visually-hidden"> {t('fieldTransforms.howSent', { field: field.label })}</span>
        </button>
      </p>
      {question ? (
        <div className="alert alert-warning date-question" role="group" aria-labelledby={`${id}-question`}>
          <span className="alert-icon" aria-hidden="true">
            {ICON.warning}
          </span>
          <div>
            <p id={`${id}-question`}>
              <strong>{t('dateQuestion.title')} </strong>
              {t('dateQuestion.text', {
                example: question.example,
                readings: question.readings
                  .map((reading) => spellDate(reading.date))
                  .join(` ${t('dateQuestion.or')} `),
              })}
            </p>
            <DateOrderSelect
              id={`${id}-question-order`}
              label={t('dateQuestion.orderLabel', { field: field.label })}
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
