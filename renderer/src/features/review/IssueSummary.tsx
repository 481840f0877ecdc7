import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMessage } from '#shared/i18n/i18n.ts'
import type { IssueGroup, IssueKind, ValidationSummary } from '#shared/ipc/contract.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { Alert } from '../../components/Alert.tsx'
import { fieldLabel } from './fieldLabels.ts'
import { PhoneFix } from './PhoneFix.tsx'

interface IssueSummaryProps {
  validation: ValidationSummary
  provider: ProviderDefinition
  assignments: readonly Assignment[]
  /** Shows just the rows with this kind of problem in the grid. */
  onShow(issue: IssueKind): void
  /** Gives a field's assignment these transforms (the suggested phone fix). */
  onTransforms(field: string, transforms: Assignment['transforms']): void
}

/**
 * The problems of the file, kind by kind: the rows the provider would refuse (errors), then the rows
 * it would accept though something is probably wrong (warnings). Each kind says its field, how many
 * rows have it and, in one row's own words, what is wrong, with "Show these rows" for the grid.
 */
export function IssueSummary({ validation, provider, assignments, onShow, onTransforms }: IssueSummaryProps) {
  const { t } = useTranslation('review')
  const groups = validation.issueGroups ?? []
  const errors = groups.filter((group) => group.severity === 'error')
  const warnings = groups.filter((group) => group.severity === 'warning')
  const list = (kinds: readonly IssueGroup[]) => (
    <ul className="notices issue-groups">
      {kinds.map((group, position) => (
        <li key={`${group.field}\u0000${group.key}`}>
          <IssueLine group={group} provider={provider} onShow={onShow} />
          {/* The phone fix once per field, under its first kind. */}
          {group.severity === 'error' &&
          kinds.findIndex((other) => other.field === group.field) === position ? (
            <PhoneFix
              provider={provider}
              field={group.field}
              count={validation.errorsByField[group.field] ?? group.rows}
              assignment={assignments.find((assignment) => assignment.field === group.field)}
              // The changed mapping clears the validation, and the step checks every row again.
              onApply={(transforms) => onTransforms(group.field, transforms)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  )
  return (
    <>
      {validation.withErrors > 0 ? (
        <Alert tone="warning" title={t('refused.title', { count: validation.withErrors })}>
          {list(errors)}
          {t('refused.advice')}
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert tone="info" title={t('warned.title', { count: validation.withWarnings })}>
          {list(warnings)}
          {t('warned.advice')}
        </Alert>
      ) : null}
    </>
  )
}

function IssueLine({
  group,
  provider,
  onShow,
}: {
  group: IssueGroup
  provider: ProviderDefinition
  onShow(issue: IssueKind): void
}) {
  const { t } = useTranslation('review')
  const id = useId()
  const { field, severity, key } = group
  return (
    <>
      <strong id={`${id}-field`}>
        {t('refused.byField', { field: fieldLabel(provider, field), count: group.rows })}
      </strong>{' '}
      {/* Several say "Show these rows": each is described by its line. */}
      <button
        type="button"
        className="link-button"
        aria-describedby={`${id}-field ${id}-example`}
        onClick={() => onShow({ field, severity, key })}
      >
        {t('issues.show')}
      </button>
      <br />
      <span id={`${id}-example`} className="issue-example">
        {t('issues.example', { row: group.example.row, message: formatMessage(group.example.message) })}
      </span>
    </>
  )
}
