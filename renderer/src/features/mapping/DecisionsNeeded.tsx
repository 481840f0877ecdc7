import { useTranslation } from 'react-i18next'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { dateQuestion } from './date-question.ts'
import { ICON } from './icons.ts'

interface DecisionsNeededProps {
  fields: readonly ProviderField[]
  assignments: readonly Assignment[]
  rows: readonly (readonly string[])[]
}

/** The fields whose values only the person can settle (dates that read two ways). */
export function fieldsNeedingDecision(
  fields: readonly ProviderField[],
  assignments: readonly Assignment[],
  rows: readonly (readonly string[])[],
): ProviderField[] {
  return fields.filter((field) =>
    dateQuestion(
      field,
      assignments.find((assignment) => assignment.field === field.key),
      rows,
    ),
  )
}

/** At the top of the mapping screen: how many fields wait for the person's decision, and which. */
export function DecisionsNeeded({ fields, assignments, rows }: DecisionsNeededProps) {
  const { t } = useTranslation('mapping')
  const waiting = fieldsNeedingDecision(fields, assignments, rows)
  return (
    <p className="decisions-needed" role="status">
      {waiting.length > 0 ? (
        <>
          <span aria-hidden="true">{ICON.warning} </span>
          {t('decisions.waiting', {
            count: waiting.length,
            fields: waiting.map((field) => field.label).join(', '),
          })}
        </>
      ) : null}
    </p>
  )
}
