import { useCallback, useEffect, useState } from 'react'
import type { ProviderId } from '#shared/ids.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import { applyTemplate, templateFromAssignments, type MappingTemplate } from '#shared/mapping/template.ts'
import { Alert } from '../../components/Alert.tsx'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'

interface TemplateBarProps {
  providerId: ProviderId
  headers: readonly string[]
  assignments: readonly Assignment[]
  onApply(assignments: Assignment[]): void
}

function loadTemplates(providerId: ProviderId): Promise<MappingTemplate[]> {
  return unwrap(api.templates.list({ providerId })).catch(() => [])
}

/** Save this mapping under a name, or apply one saved earlier (matched by column names). */
export function TemplateBar({ providerId, headers, assignments, onApply }: TemplateBarProps) {
  const [templates, setTemplates] = useState<MappingTemplate[]>([])
  const [chosen, setChosen] = useState('')
  const [name, setName] = useState('')
  const [note, setNote] = useState<{ tone: 'info' | 'warning' | 'error'; text: string } | null>(null)

  const reload = useCallback(() => loadTemplates(providerId).then(setTemplates), [providerId])
  useEffect(() => {
    let current = true
    void loadTemplates(providerId).then((list) => {
      if (current) setTemplates(list)
    })
    return () => {
      current = false
    }
  }, [providerId])

  function apply() {
    const template = templates.find((candidate) => candidate.name === chosen)
    if (!template) return
    const applied = applyTemplate(template, headers)
    onApply(applied.assignments)
    setNote(
      applied.missingHeaders.length === 0
        ? { tone: 'info', text: `Applied “${template.name}”.` }
        : {
            tone: 'warning',
            text: `Applied “${template.name}”, but this file has no column ${applied.missingHeaders.map((header) => `“${header}”`).join(', ')}: those fields are not mapped.`,
          },
    )
  }

  async function save() {
    try {
      const saved = await unwrap(
        api.templates.save(templateFromAssignments(name, providerId, assignments, headers)),
      )
      setNote({ tone: 'info', text: `Saved this mapping as “${saved.name}”.` })
      setName('')
      await reload()
      setChosen(saved.name)
    } catch (error) {
      setNote({ tone: 'error', text: messageOf(error) })
    }
  }

  return (
    <div className="template-bar">
      {templates.length > 0 ? (
        <div className="template-row">
          <label htmlFor="template-choice">Saved mappings</label>
          <select id="template-choice" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">Choose one…</option>
            {templates.map((template) => (
              <option key={template.name} value={template.name}>
                {template.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={chosen === ''} onClick={apply}>
            Apply
          </button>
        </div>
      ) : null}
      <form
        className="template-row"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label htmlFor="template-name">Save this mapping as</label>
        <input
          id="template-name"
          value={name}
          placeholder="e.g. Shop export"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button" disabled={name.trim() === '' || assignments.length === 0}>
          Save
        </button>
      </form>
      {note ? <Alert tone={note.tone === 'info' ? 'info' : note.tone}>{note.text}</Alert> : null}
    </div>
  )
}
