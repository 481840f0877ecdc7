import { useEffect, useState } from 'react'
import type { RowFilter } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { formatCount, plural } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import { fieldLabel } from './fieldLabels.ts'
import { ReviewGrid } from './ReviewGrid.tsx'
import { StepActions } from '../../components/StepActions.tsx'

const FILTERS: { id: RowFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'errors', label: 'With errors' },
  { id: 'valid', label: 'Valid' },
]

export function ReviewStep() {
  const { dataset, providerId, assignments, validation, validationError, version } = useAppShallow(
    (state) => ({
      dataset: state.dataset,
      providerId: state.providerId,
      assignments: state.assignments,
      validation: state.validation,
      validationError: state.validationError,
      version: state.validationVersion,
    }),
  )
  const mappingApplied = useApp((state) => state.mappingApplied)
  const stepChosen = useApp((state) => state.stepChosen)
  const [filter, setFilter] = useState<RowFilter>('all')

  useEffect(() => {
    if (!validation) void mappingApplied()
  }, [validation, mappingApplied])
  if (!dataset || !providerId) return null
  const provider = getProvider(providerId)
  const fields = assignments.map((assignment) => assignment.field)
  const total = !validation
    ? 0
    : filter === 'all'
      ? validation.rows
      : filter === 'errors'
        ? validation.withErrors
        : validation.valid

  return (
    <section className="step" aria-labelledby="review-heading">
      <h1 id="review-heading">Review what will be sent</h1>
      {validationError ? <Alert tone="error">{validationError}</Alert> : null}
      {!validation && !validationError ? <p role="status">Checking every row…</p> : null}
      {validation ? (
        <>
          <p className="summary" role="status">
            {plural(validation.rows, 'row')} · {formatCount(validation.valid)} valid ·{' '}
            {formatCount(validation.withErrors)} with errors
          </p>
          {validation.withErrors > 0 ? (
            <Alert tone="warning" title={`${plural(validation.withErrors, 'row')} would probably be refused`}>
              <ul className="notices">
                {Object.entries(validation.errorsByField).map(([field, count]) => (
                  <li key={field}>
                    {fieldLabel(provider, field)}: {plural(count, 'row')}
                  </li>
                ))}
              </ul>
              Fix them in your spreadsheet and drop it again, or choose on the next step whether to skip them.
            </Alert>
          ) : null}
          <div className="filters" role="radiogroup" aria-label="Show rows">
            {FILTERS.map((option) => (
              <label key={option.id} className={option.id === filter ? 'chip selected' : 'chip'}>
                <input
                  type="radio"
                  name="row-filter"
                  checked={option.id === filter}
                  onChange={() => setFilter(option.id)}
                />
                {option.label}
              </label>
            ))}
          </div>
          <ReviewGrid
            datasetId={dataset.datasetId}
            provider={provider}
            fields={fields}
            filter={filter}
            total={total}
            version={version}
          />
        </>
      ) : null}
      <StepActions
        onBack={() => stepChosen('map')}
        next={{ label: 'Continue to upload', disabled: !validation, onClick: () => stepChosen('upload') }}
      />
    </section>
  )
}
