import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { columnsOf } from '#shared/mapping/mapping.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { useAppShallow } from '../../store/index.ts'
import { defaultPhoneCountry } from './countries.ts'
import { CustomFields } from './CustomFields.tsx'
import { DecisionsNeeded } from './DecisionsNeeded.tsx'
import { FIELD_GROUPS } from './field-groups.ts'
import { FieldRow } from './FieldRow.tsx'
import { localisedFields } from './localised-fields.ts'
import { PayloadPreview } from './PayloadPreview.tsx'
import { SourceColumns } from './SourceColumns.tsx'
import { TemplateBar } from './TemplateBar.tsx'
import { useColumnStats } from './useColumnStats.ts'
import { firstValuesOf } from './first-values.ts'
import { useSampleRows } from './useSampleRows.ts'
import { StepActions } from '../../components/StepActions.tsx'

export function MappingStep() {
  const { t } = useTranslation('mapping')
  const { dataset, providerId, assignments, matchSuggestions } = useAppShallow((state) => ({
    dataset: state.dataset,
    providerId: state.providerId,
    assignments: state.assignments,
    matchSuggestions: state.matchSuggestions,
  }))
  const { constants, assignmentChanged, constantSet, ignoredColumns, columnIgnored } = useAppShallow(
    (state) => ({
      constants: state.constants,
      assignmentChanged: state.assignmentChanged,
      constantSet: state.constantSet,
      ignoredColumns: state.ignoredColumns,
      columnIgnored: state.columnIgnored,
    }),
  )
  const { fieldMapped, customFieldAdded, autoMatchRequested, stepChosen, mappingReplaced } = useAppShallow(
    (state) => ({
      mappingReplaced: state.mappingReplaced,
      fieldMapped: state.fieldMapped,
      customFieldAdded: state.customFieldAdded,
      autoMatchRequested: state.autoMatchRequested,
      stepChosen: state.stepChosen,
    }),
  )
  // One read of the first rows serves the samples beside column names, the previews and the checks.
  const rows = useSampleRows(dataset)
  const columnStats = useColumnStats(dataset)
  useEffect(() => autoMatchRequested(), [autoMatchRequested, dataset, providerId])
  if (!dataset || !providerId) return null
  const samples = firstValuesOf(dataset.headers, rows)

  const provider = getProvider(providerId)
  // Labels and help in the person's language, for every part of the screen at once.
  const providerFields = localisedFields(provider)
  const columnOf = (field: string) =>
    assignments.find((assignment) => assignment.field === field)?.column ?? null
  // A reason is shown only while the field still has the column it explains.
  const suggestionOf = (field: string) =>
    matchSuggestions.find((suggestion) => suggestion.field === field && suggestion.column === columnOf(field))
  // A column feeding two fields (a full name split in two) or joined into one counts once.
  const usedColumns = new Set(assignments.flatMap(columnsOf))
  const constantOf = (field: string) => constants.find((constant) => constant.field === field)?.value
  const notSent = dataset.headers
    .map((header, column) => ({ header, column }))
    .filter(({ column }) => !usedColumns.has(column))
  // Left out on purpose: not sent, and no longer offered as custom fields.
  const leftOut = notSent.filter(({ column }) => ignoredColumns.includes(column))
  const unmapped = notSent.filter(({ column }) => !ignoredColumns.includes(column))
  // From the column list: like choosing the column in the field's select, which ends a constant.
  const columnChosen = (field: string, column: number) => {
    if (constantOf(field) !== undefined) constantSet(field, '')
    fieldMapped(field, column)
  }
  const customAssignments = assignments.filter((assignment) => provider.custom?.owns(assignment.field))
  const counts = {
    mapped: t('step.columnsMapped', { count: usedColumns.size }),
    notSent: t('step.columnsNotSent', { count: notSent.length }),
  }
  const summary =
    leftOut.length > 0
      ? t('step.summaryWithLeftOut', { ...counts, leftOut: t('step.leftOut', { count: leftOut.length }) })
      : t('step.summary', counts)
  const missingRequired = providerFields.filter(
    (field) => field.required && columnOf(field.key) === null && constantOf(field.key) === undefined,
  )

  return (
    <section className="step" aria-labelledby="map-heading">
      <h1 id="map-heading">{t('step.heading', { provider: provider.displayName })}</h1>
      <p className="muted">{summary}</p>
      <DecisionsNeeded fields={providerFields} assignments={assignments} rows={rows} />
      <TemplateBar
        providerId={providerId}
        headers={dataset.headers}
        assignments={assignments}
        constants={constants}
        onApply={(applied) => mappingReplaced(applied.assignments, applied.constants)}
      />
      <div className="mapping-sides">
        <SourceColumns
          headers={dataset.headers}
          stats={columnStats}
          fields={providerFields}
          assignments={assignments}
          onMap={columnChosen}
          ignoredColumns={ignoredColumns}
          onIgnore={columnIgnored}
        />
        <div className="mapping-fields">
          {FIELD_GROUPS.map((group) => {
            const fields = providerFields.filter((field) => field.group === group.id)
            if (fields.length === 0) return null
            return (
              <fieldset key={group.id} className="field-group">
                <legend>{t(group.titleKey)}</legend>
                {fields.map((field) => (
                  <FieldRow
                    key={field.key}
                    field={field}
                    nativeLanguage={provider.nativeLanguage}
                    headers={dataset.headers}
                    samples={samples}
                    column={columnOf(field.key)}
                    suggestion={suggestionOf(field.key)}
                    onChange={(column) => fieldMapped(field.key, column)}
                    assignment={assignments.find((assignment) => assignment.field === field.key)}
                    onAssignmentChange={(change) => assignmentChanged(field.key, change)}
                    rows={rows}
                    constant={constantOf(field.key)}
                    onConstantChange={(value) => constantSet(field.key, value)}
                    defaultCountry={defaultPhoneCountry(providerId)}
                  />
                ))}
              </fieldset>
            )
          })}
          {provider.custom ? (
            <CustomFields
              providerId={providerId}
              custom={provider.custom}
              headers={dataset.headers}
              samples={samples}
              customAssignments={customAssignments}
              unmapped={unmapped}
              onAdd={customFieldAdded}
              onRemove={(field) => fieldMapped(field, null)}
              onRename={(from, to) =>
                mappingReplaced(
                  assignments.map((assignment) =>
                    assignment.field === from ? { ...assignment, field: to } : assignment,
                  ),
                  constants,
                )
              }
            />
          ) : null}
          {missingRequired.length > 0 ? (
            <Alert tone="warning" title={t('step.requiredTitle')}>
              {t('step.required', {
                count: missingRequired.length,
                provider: provider.displayName,
                fields: missingRequired.map((field) => field.label).join(', '),
              })}
            </Alert>
          ) : null}
          {assignments.length === 0 ? <Alert tone="warning">{t('step.nothingMapped')}</Alert> : null}
        </div>
      </div>
      <PayloadPreview />
      <StepActions
        onBack={() => stepChosen('provider')}
        next={{
          label: t('step.continue'),
          disabled: missingRequired.length > 0 || assignments.length === 0,
          onClick: () => stepChosen('review'),
        }}
      />
    </section>
  )
}
