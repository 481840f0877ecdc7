import type { ProviderField } from '#shared/providers/types.ts'

interface FieldRowProps {
  field: Pick<ProviderField, 'key' | 'label' | 'help' | 'required'>
  headers: readonly string[]
  samples: readonly string[]
  column: number | null
  onChange(column: number | null): void
}

/** One provider field and the column that feeds it. */
export function FieldRow({ field, headers, samples, column, onChange }: FieldRowProps) {
  const id = `field-${field.key.replace(/[^A-Za-z0-9_-]/g, '-')}`
  const missing = field.required && column === null
  return (
    <div className={missing ? 'field-row missing' : 'field-row'}>
      <div className="field-name">
        <label htmlFor={id}>{field.label}</label>
        {field.required ? <span className="badge required">Required</span> : null}
        <p className="muted" id={`${id}-help`}>
          {field.help}
        </p>
      </div>
      <select
        id={id}
        value={column === null ? '' : String(column)}
        aria-describedby={`${id}-help`}
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
