import { useEffect } from 'react'
import { columnsOf } from '#shared/mapping/mapping.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { plural } from '../../lib/format.ts'
import { useAppShallow } from '../../store/index.ts'
import { defaultPhoneCountry } from './countries.ts'
import { CustomFields } from './CustomFields.tsx'
import { DecisionsNeeded } from './DecisionsNeeded.tsx'
import { FIELD_GROUPS } from './field-groups.ts'
import { FieldRow } from './FieldRow.tsx'
import { PayloadPreview } from './PayloadPreview.tsx'
import { SourceColumns } from './SourceColumns.tsx'
import { TemplateBar } from './TemplateBar.tsx'
import { useColumnStats } from './useColumnStats.ts'
import { firstValuesOf } from './first-values.ts'
import { useSampleRows } from './useSampleRows.ts'
import { StepActions } from '../../components/StepActions.tsx'

export function MappingStep() {
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
  const missingRequired = provider.fields.filter(
    (field) => field.required && columnOf(field.key) === null && constantOf(field.key) === undefined,
  )

  return (
    <section className="step" aria-labelledby="map-heading">
      <h1 id="map-heading">Match your columns to {provider.displayName}</h1>
      <p className="muted">
        {plural(usedColumns.size, 'column')} mapped · {plural(notSent.length, 'column')} not sent
        {leftOut.length > 0 ? ` (${leftOut.length} left out on purpose)` : ''}. Columns were matched by their
        names and values; change any that are wrong.
      </p>
      <DecisionsNeeded fields={provider.fields} assignments={assignments} rows={rows} />
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
          fields={provider.fields}
          assignments={assignments}
          onMap={columnChosen}
          ignoredColumns={ignoredColumns}
          onIgnore={columnIgnored}
        />
        <div className="mapping-fields">
          {FIELD_GROUPS.map((group) => {
            const fields = provider.fields.filter((field) => field.group === group.id)
            if (fields.length === 0) return null
            return (
              <fieldset key={group.id} className="field-group">
                <legend>{group.title}</legend>
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
            <Alert tone="warning" title="Required fields are not mapped">
              {provider.displayName} needs {missingRequired.map((field) => field.label).join(', ')}. Choose a
              column for {missingRequired.length === 1 ? 'it' : 'each'} to continue.
            </Alert>
          ) : null}
          {assignments.length === 0 ? (
            <Alert tone="warning">No column is mapped yet: choose at least one to continue.</Alert>
          ) : null}
        </div>
      </div>
      <PayloadPreview />
      <StepActions
        onBack={() => stepChosen('provider')}
        next={{
          label: 'Continue',
          disabled: missingRequired.length > 0 || assignments.length === 0,
          onClick: () => stepChosen('review'),
        }}
      />
    </section>
  )
}
