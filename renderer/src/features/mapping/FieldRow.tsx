import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMessage } from '#shared/i18n/i18n.ts'
import { confidenceLevel, describeSuggestion, type MatchSuggestion } from '#shared/mapping/auto-match.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import type { AssignmentChange } from '../../store/types.ts'
import { carriesColumn, droppedColumn } from './column-drag.ts'
import { FieldTransforms } from './FieldTransforms.tsx'

/** The column select's choice that gives every row the same value instead of a column's. */
const CONSTANT = 'constant'

interface FieldRowProps {
  field: ProviderField
  headers: readonly string[]
  samples: readonly string[]
  column: number | null
  onChange(column: number | null): void
  /** Language of `field.nativeLabel`. */
  nativeLanguage?: string
  /** Why the automatic match chose `column`, while it still does. */
  suggestion?: Pick<MatchSuggestion, 'confidence' | 'explanation' | 'doubt'>
  /** The field's assignment when it is mapped: its joins, transforms and fallback. */
  assignment?: Assignment
  onAssignmentChange?(change: AssignmentChange): void
  /** The first rows of the file, for the transforms' summary and preview. */
  rows?: readonly (readonly string[])[]
  /** The value every row gets when the field has no column. */
  constant?: string
  /** '' removes the constant. */
  onConstantChange?(value: string): void
  /** The country a phone number without a country code is read in, until the person says. */
  defaultCountry?: string
}

/** One provider field: the column that feeds it (or one value for every row), and what happens to it. */
export function FieldRow({
  field,
  headers,
  samples,
  column,
  onChange,
  nativeLanguage,
  suggestion,
  assignment,
  onAssignmentChange,
  rows = [],
  constant,
  onConstantChange,
  defaultCountry = 'PL',
}: FieldRowProps) {
  const { t, i18n } = useTranslation('mapping')
  // In the provider's own language the label may already be its name there ("Imię"): not twice.
  const saysNativeLabel =
    nativeLanguage !== undefined &&
    i18n.language === nativeLanguage &&
    field.nativeLabel?.toLocaleLowerCase(nativeLanguage) === field.label.toLocaleLowerCase(nativeLanguage)
  const id = `field-${field.key.replace(/[^A-Za-z0-9_-]/g, '-')}`
  // "Same value for every row…" is chosen before a value is typed: the box shows until then.
  const [wantsConstant, setWantsConstant] = useState(false)
  // A column from the column list is being dragged over this field.
  const [dropping, setDropping] = useState(false)
  const hasConstant = column === null && (constant !== undefined || wantsConstant)
  const missing = field.required && column === null && !constant
  const level = suggestion ? confidenceLevel(suggestion.confidence) : null
  const describedBy = [
    `${id}-help`,
    suggestion ? `${id}-match` : null,
    column !== null ? `${id}-summary` : null,
  ]

  const choose = (value: string) => {
    const constantChosen = value === CONSTANT
    setWantsConstant(constantChosen)
    if (!constantChosen && constant !== undefined) onConstantChange?.('')
    if (constantChosen) {
      if (column !== null) onChange(null)
    } else onChange(value === '' ? null : Number(value))
  }

  const dropTarget = {
    onDragOver(event: DragEvent<HTMLDivElement>) {
      if (!carriesColumn(event.dataTransfer)) return
      event.preventDefault() // accepts the drop
      event.dataTransfer.dropEffect = 'link'
      setDropping(true)
    },
    onDragLeave(event: DragEvent<HTMLDivElement>) {
      // Moving onto the row's own label or select is not leaving it.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false)
    },
    onDrop(event: DragEvent<HTMLDivElement>) {
      setDropping(false)
      const dropped = droppedColumn(event.dataTransfer, headers.length)
      if (dropped === null) return
      event.preventDefault()
      choose(String(dropped))
    },
  }
  const classes = ['field-row', missing ? 'missing' : '', dropping ? 'drop-target' : '']

  return (
    <div className={classes.filter(Boolean).join(' ')} {...dropTarget}>
      {dropping ? (
        <p className="drop-hint" aria-hidden="true">
          {t('fieldRow.dropHint', { field: field.label })}
        </p>
      ) : null}
      <div className="field-name">
        <label htmlFor={id}>
          {field.label}
          {field.nativeLabel && !saysNativeLabel ? (
            <span className="native-label" lang={nativeLanguage}>
              {' '}
              ({field.nativeLabel})
            </span>
          ) : null}
        </label>
        {field.required ? <span className="badge required">{t('fieldRow.required')}</span> : null}
        <p className="muted" id={`${id}-help`}>
          {field.help}
        </p>
        {suggestion && level ? (
          <p className={`match-reason match-${level}`} id={`${id}-match`}>
            {t(`fieldRow.matchReason.${level}`, { reason: describeSuggestion(suggestion, formatMessage) })}
            {level === 'low' ? <span className="badge check-match">{t('fieldRow.checkMatch')}</span> : null}
          </p>
        ) : null}
      </div>
      <div className="field-source">
        <select
          id={id}
          value={column !== null ? String(column) : hasConstant ? CONSTANT : ''}
          aria-describedby={describedBy.filter(Boolean).join(' ')}
          aria-invalid={missing || undefined}
          onChange={(event) => choose(event.target.value)}
        >
          <option value="">{t('fieldRow.notMapped')}</option>
          {/* Every column stays offered: one column may feed several fields (a full name → first and last). */}
          {headers.map((header, index) => (
            <option key={`${index}-${header}`} value={index} data-header={header}>
              {samples[index]
                ? t('fieldRow.columnWithSample', { column: header, sample: samples[index] })
                : header}
            </option>
          ))}
          {onConstantChange ? <option value={CONSTANT}>{t('fieldRow.sameValue')}</option> : null}
        </select>
        {hasConstant && onConstantChange ? (
          <ConstantInput
            id={`${id}-constant`}
            field={field}
            value={constant ?? ''}
            onChange={onConstantChange}
          />
        ) : null}
      </div>
      {assignment && onAssignmentChange ? (
        <FieldTransforms
          id={id}
          field={field}
          assignment={assignment}
          headers={headers}
          rows={rows}
          defaultCountry={defaultCountry}
          onChange={onAssignmentChange}
        />
      ) : null}
      {column === null && constant ? (
        <p className="transform-summary field-transforms">{t('fieldRow.always', { value: constant })}</p>
      ) : null}
    </div>
  )
}

interface ConstantInputProps {
  id: string
  field: ProviderField
  value: string
  onChange(value: string): void
}

/** The one value every row gets: a choice of the field's options, or free text. */
function ConstantInput({ id, field, value, onChange }: ConstantInputProps) {
  const { t } = useTranslation('mapping')
  const label = t('fieldRow.constantLabel', { field: field.label })
  return (
    <label className="constant-input" htmlFor={id}>
      <span>{label}</span>
      {field.options && field.options.length > 0 ? (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('fieldRow.choose')}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} value={value} maxLength={1000} onChange={(event) => onChange(event.target.value)} />
      )}
    </label>
  )
}
