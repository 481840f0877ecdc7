import { useCallback, useEffect, useState } from 'react'
import type { RowFilter, ValidationSummary } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { formatCount, plural } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import { fieldLabel } from './fieldLabels.ts'
import type { CellEdit } from '../../store/types.ts'
import { DuplicatesPanel } from './DuplicatesPanel.tsx'
import { ExcludeBar } from './ExcludeBar.tsx'
import { FindReplace } from './FindReplace.tsx'
import { PhoneFix } from './PhoneFix.tsx'
import { ReviewGrid } from './ReviewGrid.tsx'
import { useUndoShortcuts } from './useUndoShortcuts.ts'
import { StepActions } from '../../components/StepActions.tsx'

const FILTERS: { id: RowFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'errors', label: 'With errors' },
  { id: 'warnings', label: 'With warnings' },
  { id: 'valid', label: 'Valid' },
  { id: 'edited', label: 'Edited' },
  { id: 'excluded', label: 'Excluded' },
  { id: 'duplicates', label: 'Duplicates' },
]

const COUNT_OF: Record<RowFilter, (summary: ValidationSummary) => number> = {
  all: (summary) => summary.rows,
  errors: (summary) => summary.withErrors,
  warnings: (summary) => summary.withWarnings,
  valid: (summary) => summary.valid,
  edited: (summary) => summary.edited,
  excluded: (summary) => summary.excluded ?? 0,
  duplicates: (summary) => summary.duplicates?.rows ?? 0,
}

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
  const assignmentChanged = useApp((state) => state.assignmentChanged)
  const { cellEdited, editUndone, editRedone, canUndo, canRedo } = useAppShallow((state) => ({
    cellEdited: state.cellEdited,
    editUndone: state.editUndone,
    editRedone: state.editRedone,
    canUndo: state.edits.done.length > 0,
    canRedo: state.edits.undone.length > 0,
  }))
  const onEdit = useCallback((edit: CellEdit) => void cellEdited(edit), [cellEdited])
  const { rowsExcluded, duplicateChoiceMade } = useAppShallow((state) => ({
    rowsExcluded: state.rowsExcluded,
    duplicateChoiceMade: state.duplicateChoiceMade,
  }))
  const onExclude = useCallback(
    (row: number, excluded: boolean) => void rowsExcluded({ kind: 'rows', rows: [row] }, excluded),
    [rowsExcluded],
  )
  useUndoShortcuts(editUndone, editRedone)
  const stepChosen = useApp((state) => state.stepChosen)
  const [filter, setFilter] = useState<RowFilter>('all')

  useEffect(() => {
    if (!validation) void mappingApplied()
  }, [validation, mappingApplied])
  if (!dataset || !providerId) return null
  const provider = getProvider(providerId)
  const total = validation ? COUNT_OF[filter](validation) : 0

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
                    {fieldLabel(provider, field)}: {plural(count, 'row')}{' '}
                    <PhoneFix
                      provider={provider}
                      field={field}
                      count={count}
                      assignment={assignments.find((assignment) => assignment.field === field)}
                      // The changed mapping clears the validation, and the step checks every row again.
                      onApply={(transforms) => assignmentChanged(field, { transforms })}
                    />
                  </li>
                ))}
              </ul>
              Fix them in your spreadsheet and drop it again, or choose on the next step whether to skip them.
            </Alert>
          ) : null}
          {validation.duplicates ? (
            <DuplicatesPanel
              duplicates={validation.duplicates}
              provider={provider}
              onChoose={(choice) => void duplicateChoiceMade(choice)}
              onShow={() => setFilter('duplicates')}
            />
          ) : null}
          <div className="grid-toolbar">
            <div className="filters" role="radiogroup" aria-label="Show rows">
              {FILTERS.map((option) => (
                <label key={option.id} className={option.id === filter ? 'chip selected' : 'chip'}>
                  <input
                    type="radio"
                    name="row-filter"
                    checked={option.id === filter}
                    onChange={() => setFilter(option.id)}
                  />
                  {option.label} ({formatCount(COUNT_OF[option.id](validation))})
                </label>
              ))}
            </div>
            <p className="muted">Press a value to fix it (Enter saves, Escape cancels).</p>
            <div className="undo">
              <button
                type="button"
                className="button secondary small"
                disabled={!canUndo}
                onClick={() => void editUndone()}
              >
                Undo
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={!canRedo}
                onClick={() => void editRedone()}
              >
                Redo
              </button>
            </div>
          </div>
          <FindReplace
            datasetId={dataset.datasetId}
            provider={provider}
            assignments={assignments}
            headers={dataset.headers}
            version={version}
          />
          <ExcludeBar
            filter={filter}
            count={total}
            onExclude={(excluded) => void rowsExcluded({ kind: 'filter', filter }, excluded)}
          />
          <ReviewGrid
            duplicateChoice={validation.duplicates?.choice ?? 'keepAll'}
            onExclude={onExclude}
            datasetId={dataset.datasetId}
            provider={provider}
            assignments={assignments}
            onEdit={onEdit}
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
