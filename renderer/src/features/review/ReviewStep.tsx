import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMessage } from '#shared/i18n/i18n.ts'
import type { RowChip, RowFilter, ValidationSummary } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { formatCount } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import { fieldLabel } from './fieldLabels.ts'
import { IssueSummary } from './IssueSummary.tsx'
import type { CellEdit } from '../../store/types.ts'
import { DuplicatesPanel } from './DuplicatesPanel.tsx'
import { ExcludeBar } from './ExcludeBar.tsx'
import { openExportDialog } from './ExportDialog.tsx'
import { FindReplace } from './FindReplace.tsx'
import { ReviewGrid } from './ReviewGrid.tsx'
import { useUndoShortcuts } from './useUndoShortcuts.ts'
import { StepActions } from '../../components/StepActions.tsx'

// In the order the chips are shown; each is named by `review:filters.<id>`.
const FILTERS: readonly RowChip[] = ['all', 'errors', 'warnings', 'valid', 'edited', 'excluded', 'duplicates']

const COUNT_OF: Record<RowChip, (summary: ValidationSummary) => number> = {
  all: (summary) => summary.rows,
  errors: (summary) => summary.withErrors,
  warnings: (summary) => summary.withWarnings,
  valid: (summary) => summary.valid,
  edited: (summary) => summary.edited,
  excluded: (summary) => summary.excluded ?? 0,
  duplicates: (summary) => summary.duplicates?.rows ?? 0,
}

const NO_COUNTS: Readonly<Record<string, number>> = {}

/** Rows a filter shows: a chip's count, or the rows of a kind of problem (none once all are fixed). */
function countOf(filter: RowFilter, summary: ValidationSummary): number {
  if (typeof filter === 'string') return COUNT_OF[filter](summary)
  return groupOf(filter, summary)?.rows ?? 0
}

function groupOf(filter: RowFilter, summary: ValidationSummary) {
  if (typeof filter === 'string') return undefined
  const { field, severity, key } = filter.issue
  return summary.issueGroups?.find(
    (group) => group.field === field && group.severity === severity && group.key === key,
  )
}

export function ReviewStep() {
  const { t } = useTranslation(['review', 'export'])
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
  const total = validation ? countOf(filter, validation) : 0
  const shownGroup = validation ? groupOf(filter, validation) : undefined

  return (
    <section className="step" aria-labelledby="review-heading">
      <h1 id="review-heading">{t('step.heading')}</h1>
      {validationError ? <Alert tone="error">{validationError}</Alert> : null}
      {!validation && !validationError ? <p role="status">{t('step.checking')}</p> : null}
      {validation ? (
        <>
          <p className="summary" role="status">
            {t('summary.line', {
              rows: t('summary.rows', { count: validation.rows }),
              valid: t('summary.valid', { count: validation.valid }),
              withErrors: t('summary.withErrors', { count: validation.withErrors }),
            })}
          </p>
          <IssueSummary
            validation={validation}
            provider={provider}
            assignments={assignments}
            onShow={(issue) => setFilter({ issue })}
            onTransforms={(field, transforms) => assignmentChanged(field, { transforms })}
          />
          {validation.duplicates ? (
            <DuplicatesPanel
              duplicates={validation.duplicates}
              provider={provider}
              onChoose={(choice) => void duplicateChoiceMade(choice)}
              onShow={() => setFilter('duplicates')}
            />
          ) : null}
          <div className="grid-toolbar">
            <div className="filters" role="radiogroup" aria-label={t('filters.label')}>
              {FILTERS.map((option) => (
                <label key={option} className={option === filter ? 'chip selected' : 'chip'}>
                  <input
                    type="radio"
                    name="row-filter"
                    checked={option === filter}
                    onChange={() => setFilter(option)}
                  />
                  {t('filters.withCount', {
                    filter: t(`filters.${option}`),
                    rows: formatCount(COUNT_OF[option](validation)),
                  })}
                </label>
              ))}
            </div>
            <p className="muted">{t('step.hint')}</p>
            <div className="undo">
              <button
                type="button"
                className="button secondary small"
                disabled={!canUndo}
                onClick={() => void editUndone()}
              >
                {t('step.undo')}
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={!canRedo}
                onClick={() => void editRedone()}
              >
                {t('step.redo')}
              </button>
              <button type="button" className="button secondary small" onClick={openExportDialog}>
                {t('export:ui.open')}
              </button>
            </div>
          </div>
          {typeof filter === 'object' ? (
            <p className="showing-issue" role="status">
              {shownGroup
                ? t('issues.showing', {
                    count: shownGroup.rows,
                    field: fieldLabel(provider, shownGroup.field),
                    example: formatMessage(shownGroup.example.message),
                  })
                : t('grid.emptyIssue')}{' '}
              <button type="button" className="link-button" onClick={() => setFilter('all')}>
                {t('issues.showAll')}
              </button>
            </p>
          ) : null}
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
            errorsByField={validation.errorsByField}
            warningsByField={validation.warningsByField ?? NO_COUNTS}
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
        next={{ label: t('step.continue'), disabled: !validation, onClick: () => stepChosen('upload') }}
      />
    </section>
  )
}
