import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderField } from '#shared/providers/types.ts'
import { FIELD_GROUPS } from './field-groups.ts'

interface MapToFormProps {
  id: string
  header: string
  fields: readonly ProviderField[]
  /** Labels of the fields this column already feeds, named in their options. */
  feeds: readonly string[]
  onMap(field: string): void
  onClose(): void
}

/**
 * The keyboard way to map a column: choose a field and confirm. A select plus a button (not a select
 * that maps on change), because arrowing through a closed select would map every field it passes.
 */
export function MapToForm({ id, header, fields, feeds, onMap, onClose }: MapToFormProps) {
  const { t } = useTranslation('mapping')
  const [field, setField] = useState('')
  const select = useRef<HTMLSelectElement>(null)
  useEffect(() => select.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (field !== '') onMap(field)
  }
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    onClose()
  }

  return (
    <form
      className="map-to-form"
      aria-label={t('mapTo.formLabel', { column: header })}
      onSubmit={submit}
      onKeyDown={closeOnEscape}
    >
      <label htmlFor={id}>{t('mapTo.sendAs', { column: header })}</label>
      <select id={id} ref={select} value={field} onChange={(event) => setField(event.target.value)}>
        <option value="">{t('mapTo.chooseField')}</option>
        {FIELD_GROUPS.map((group) => {
          const inGroup = fields.filter((candidate) => candidate.group === group.id)
          if (inGroup.length === 0) return null
          return (
            <optgroup key={group.id} label={t(group.titleKey)}>
              {inGroup.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {[
                    candidate.label,
                    candidate.required ? t('mapTo.required') : '',
                    feeds.includes(candidate.label) ? t('mapTo.alreadyThisColumn') : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
      <div className="map-to-actions">
        <button type="submit" className="button primary small" disabled={field === ''}>
          {t('mapTo.map')}
        </button>
        <button type="button" className="button small" onClick={onClose}>
          {t('mapTo.cancel')}
        </button>
      </div>
    </form>
  )
}
