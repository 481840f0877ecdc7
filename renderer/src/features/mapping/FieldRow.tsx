import { confidenceLevel, type MatchSuggestion } from '#shared/mapping/auto-match.ts'
import type { ProviderField } from '#shared/providers/types.ts'

interface FieldRowProps {
  field: Pick<ProviderField, 'key' | 'label' | 'help' | 'required' | 'nativeLabel'>
  headers: readonly string[]
  samples: readonly string[]
  column: number | null
  onChange(column: number | null): void
  /** Language of `field.nativeLabel`. */
  nativeLanguage?: string
  /** Why the automatic match chose `column`, while it still does. */
  suggestion?: Pick<MatchSuggestion, 'confidence' | 'explanation'>
}

/** One provider field and the column that feeds it. */
export function FieldRow({
  field,
  headers,
  samples,
  column,
  onChange,
  nativeLanguage,
  suggestion,
}: FieldRowProps) {
  const id = `field-${field.key.replace(/[^A-Za-z0-9_-]/g, '-')}`
  const missing = field.required && column === null
  const level = suggestion ? confidenceLevel(suggestion.confidence) : null
  return (
    <div className={missing ? 'field-row missing' : 'field-row'}>
      <div className="field-name">
        <label htmlFor={id}>
          {field.label}
          {field.nativeLabel ? (
            <span className="native-label" lang={nativeLanguage}>
              {' '}
              ({field.nativeLabel})
            </span>
          ) : null}
        </label>
        {field.required ? <span className="badge required">Required</span> : null}
        <p className="muted" id={`${id}-help`}>
          {field.help}
        </p>
        {suggestion && level ? (
          <p className={`match-reason match-${level}`} id={`${id}-match`}>
            {suggestion.explanation} · {level} confidence
            {level === 'low' ? <span className="badge check-match">Check this match</span> : null}
          </p>
        ) : null}
      </div>
      <select
        id={id}
        value={column === null ? '' : String(column)}
        aria-describedby={suggestion ? `${id}-help ${id}-match` : `${id}-help`}
        aria-invalid={missing || undefined}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">— Not mapped —</option>
        {headers.map((header, index) => (
          <option key={`${index}-${header}`} value={index} data-header={header}>
            {samples[index] ? `${header} — e.g. ${samples[index]}` : header}
          </option>
        ))}
      </select>
    </div>
  )
}
