import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
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
    <form className="map-to-form" aria-label={`Map ${header}`} onSubmit={submit} onKeyDown={closeOnEscape}>
      <label htmlFor={id}>Send “{header}” as</label>
      <select id={id} ref={select} value={field} onChange={(event) => setField(event.target.value)}>
        <option value="">Choose a field…</option>
        {FIELD_GROUPS.map((group) => {
          const inGroup = fields.filter((candidate) => candidate.group === group.id)
          if (inGroup.length === 0) return null
          return (
            <optgroup key={group.id} label={group.title}>
              {inGroup.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {candidate.label}
                  {candidate.required ? ' (required)' : ''}
                  {feeds.includes(candidate.label) ? ' (already this column)' : ''}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
      <div className="map-to-actions">
        <button type="submit" className="button primary small" disabled={field === ''}>
          Map
        </button>
        <button type="button" className="button small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
