import { useTranslation } from 'react-i18next'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { Transform, TransformKind } from '#shared/mapping/transforms/transform.ts'
import { choicesOf, valueKey, type ValueMapEntry } from '#shared/mapping/transforms/value-map.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'
import { countValues, valuesBefore } from './sample-values.ts'
import { findTransform } from './transform-list.ts'
import { formatCount } from '../../lib/format.ts'

interface ValueMapEditorProps {
  id: string
  field: ProviderField
  assignment: Assignment
  rows: readonly (readonly string[])[]
  onChange(kind: TransformKind, next: Transform | null): void
}

/**
 * The words the file uses for a choice, each with what to send instead ("Kobieta" → F). The clear
 * translations are filled in when the panel first opens (see proposals.ts); the person checks them.
 */
export function ValueMapEditor({ id, field, assignment, rows, onChange }: ValueMapEditorProps) {
  const { t } = useTranslation('mapping')
  const existing = findTransform(assignment.transforms, 'valueMap')
  const distinct = countValues(valuesBefore(assignment, 'valueMap', rows))
  const options = choicesOf(field)
  const entries = existing?.values ?? []
  const setEntry = (from: string, to: string) => {
    const others = entries.filter((entry) => valueKey(entry.from) !== valueKey(from))
    const values: ValueMapEntry[] = to === '' ? others : [...others, { from, to }]
    onChange('valueMap', { kind: 'valueMap', values })
  }
  if (distinct.length === 0) return null
  return (
    <div className="value-map" role="group" aria-labelledby={`${id}-values-title`}>
      <span id={`${id}-values-title`} className="transform-control-title">
        {options.length > 0
          ? t('valueMap.titleWithChoices', { field: field.label, choices: options.join(', ') })
          : t('valueMap.title')}
      </span>
      <table className="value-map-table">
        <thead>
          <tr>
            <th scope="col">{t('valueMap.inFile')}</th>
            <th scope="col">{t('valueMap.rows')}</th>
            <th scope="col">{t('valueMap.sendAs')}</th>
          </tr>
        </thead>
        <tbody>
          {distinct.slice(0, 30).map(({ value, count }, index) => {
            const to = entries.find((entry) => valueKey(entry.from) === valueKey(value))?.to ?? ''
            const accepted = to === '' && checkField(field, value).length === 0
            const inputId = `${id}-value-${index}`
            const label = t('valueMap.sendValueAs', { value })
            return (
              <tr key={value}>
                <td>{value}</td>
                <td>{formatCount(count)}</td>
                <td>
                  <label htmlFor={inputId} className="visually-hidden">
                    {label}
                  </label>
                  {options.length > 0 ? (
                    <select id={inputId} value={to} onChange={(event) => setEntry(value, event.target.value)}>
                      <option value="">
                        {accepted ? t('valueMap.asWritten') : t('valueMap.asWrittenRejected')}
                      </option>
                      {options.map((option) => (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={inputId}
                      value={to}
                      placeholder={t('valueMap.asWritten')}
                      onChange={(event) => setEntry(value, event.target.value)}
                    />
                  )}
                  {accepted ? <span className="value-ok"> {t('valueMap.accepted')}</span> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
