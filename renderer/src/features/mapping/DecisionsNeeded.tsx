import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { plural } from '../../lib/format.ts'
import { dateQuestion } from './date-question.ts'

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
  const waiting = fieldsNeedingDecision(fields, assignments, rows)
  return (
    <p className="decisions-needed" role="status">
      {waiting.length > 0 ? (
        <>
          <span aria-hidden="true">⚠ </span>
          {plural(waiting.length, 'field needs', 'fields need')} your decision:{' '}
          {waiting.map((field) => field.label).join(', ')}
        </>
      ) : null}
    </p>
  )
}
