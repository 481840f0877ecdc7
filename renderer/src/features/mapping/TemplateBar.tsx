import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProviderId } from '#shared/ids.ts'
import { TEMPLATE_FILE_MAX_CHARS } from '#shared/ipc/contract.ts'
import type { Assignment, Constant } from '#shared/mapping/mapping.ts'
import {
  applyTemplate,
  templateFromAssignments,
  type AppliedTemplate,
  type MappingTemplate,
} from '#shared/mapping/template.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { plural } from '../../lib/format.ts'
import { bestFittingTemplate, TemplateOffer, type TemplateFit } from './TemplateOffer.tsx'

interface TemplateBarProps {
  providerId: ProviderId
  headers: readonly string[]
  assignments: readonly Assignment[]
  /** Fields given one value on every row: saved with the template. */
  constants: readonly Constant[]
  /** The template's assignments on this file's columns, and its fixed values. */
  onApply(applied: AppliedTemplate): void
}

type Note = { tone: 'info' | 'warning' | 'error'; title?: string; text: string }
/** An inline question about the chosen template, or about a file whose template name is taken. */
type Asking =
  | { kind: 'rename'; name: string }
  | { kind: 'delete' }
  | { kind: 'clash'; fileName: string; text: string; name: string; suggestedName: string }
  | null

function loadTemplates(providerId: ProviderId): Promise<MappingTemplate[]> {
  return unwrap(api.templates.list({ providerId })).catch(() => [])
}

/** The person's own templates first; failing those, the mapping of a past upload of such a file. */
async function offerFor(providerId: ProviderId, saved: MappingTemplate[], headers: readonly string[]) {
  const own = bestFittingTemplate(saved, headers)
  if (own) return own
  const recent = await unwrap(api.templates.recent({ providerId })).catch(() => [])
  const fit = bestFittingTemplate(
    recent.map((entry) => entry.template),
    headers,
  )
  const usedAt = recent.find((entry) => entry.template === fit?.template)?.usedAt
  return fit && usedAt ? { ...fit, usedAt } : null
}

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ')

/** What applying did, in words: which fields now have a column and which do not (and why). */
function explain(template: MappingTemplate, applied: AppliedTemplate, providerId: ProviderId): Note {
  const provider = getProvider(providerId)
  const labelOf = (key: string) => provider.fields.find((field) => field.key === key)?.label ?? key
  const mapped = plural(applied.assignments.length, 'field')
  const fixed = applied.constants.length > 0 ? `, ${plural(applied.constants.length, 'fixed value')}` : ''
  if (applied.missingHeaders.length === 0) {
    return { tone: 'info', text: `Applied “${template.name}”. ${mapped} mapped${fixed}.` }
  }
  const mappedFields = new Set(applied.assignments.map(({ field }) => field))
  const notApplied = template.fields.filter(({ field }) => !mappedFields.has(field))
  const partly = template.fields.filter(
    ({ field, joinHeaders }) =>
      mappedFields.has(field) &&
      (joinHeaders ?? []).some((header) => applied.missingHeaders.includes(header)),
  )
  return {
    tone: 'warning',
    title: `Applied “${template.name}” in part`,
    text: [
      `This file has no column ${quoted(applied.missingHeaders)}.`,
      `Still applied: ${mapped}${fixed}.`,
      notApplied.length > 0
        ? `Not mapped: ${notApplied.map(({ field, header }) => `${labelOf(field)} (from “${header}”)`).join(', ')}; choose a column for ${notApplied.length === 1 ? 'it' : 'them'} below if this file has one under another name.`
        : '',
      partly.length > 0
        ? `Joined without the missing column: ${partly.map(({ field }) => labelOf(field)).join(', ')}.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  }
}

/** Saves the text as a file: a save dialog in the app, the browser's download through the web bridge. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Save this mapping under a name, apply one saved earlier (matched by column names), keep saved ones
 * tidy (rename, delete) and move them between computers as files. Offers a saved one that fits.
 */
export function TemplateBar({ providerId, headers, assignments, constants, onApply }: TemplateBarProps) {
  const [templates, setTemplates] = useState<MappingTemplate[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [name, setName] = useState('')
  const [note, setNote] = useState<Note | null>(null)
  const [asking, setAsking] = useState<Asking>(null)
  const [fit, setFit] = useState<TemplateFit | null>(null)
  const [offerClosed, setOfferClosed] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  const reload = useCallback(() => loadTemplates(providerId).then(setTemplates), [providerId])
  // The offer is worked out once, when the screen opens on a file: not again after every change.
  useEffect(() => {
    let current = true
    void loadTemplates(providerId).then(async (list) => {
      if (!current) return
      setTemplates(list)
      const offer = await offerFor(providerId, list, headers)
      if (current) setFit(offer)
    })
    return () => {
      current = false
    }
  }, [providerId, headers])

  const chosenTemplate = templates?.find((candidate) => candidate.name === chosen)

  function apply(template: MappingTemplate) {
    const applied = applyTemplate(template, headers)
    onApply(applied)
    setOfferClosed(true)
    setAsking(null)
    setNote(explain(template, applied, providerId))
  }

  async function run(task: () => Promise<void>) {
    try {
      await task()
    } catch (error) {
      setNote({ tone: 'error', text: messageOf(error) })
    }
  }

  const save = () =>
    run(async () => {
      const saved = await unwrap(
        api.templates.save(templateFromAssignments(name, providerId, assignments, headers, [...constants])),
      )
      setNote({ tone: 'info', text: `Saved this mapping as “${saved.name}”.` })
      setName('')
      await reload()
      setChosen(saved.name)
    })

  const rename = (to: string) =>
    run(async () => {
      const renamed = await unwrap(api.templates.rename({ providerId, from: chosen, to }))
      setAsking(null)
      await reload()
      setChosen(renamed.name)
      setNote({ tone: 'info', text: `Renamed “${chosen}” to “${renamed.name}”.` })
    })

  const remove = () =>
    run(async () => {
      await unwrap(api.templates.delete({ providerId, name: chosen }))
      setAsking(null)
      setNote({ tone: 'info', text: `Deleted the template “${chosen}”.` })
      setChosen('')
      await reload()
    })

  const exportChosen = () =>
    run(async () => {
      const { fileName, text } = await unwrap(api.templates.export({ providerId, name: chosen }))
      download(fileName, text)
      setNote({ tone: 'info', text: `Exported “${chosen}” as “${fileName}”.` })
    })

  const importFile = (file: { fileName: string; text: string }, onClash: 'ask' | 'keepBoth' | 'replace') =>
    run(async () => {
      const outcome = await unwrap(api.templates.import({ providerId, ...file, onClash }))
      if (outcome.status === 'clash') {
        setAsking({ kind: 'clash', ...file, name: outcome.name, suggestedName: outcome.suggestedName })
        setNote(null)
        return
      }
      setAsking(null)
      await reload()
      setChosen(outcome.template.name)
      setNote({
        tone: 'info',
        text: `Imported “${outcome.template.name}” from “${file.fileName}”${outcome.replaced ? ', replacing the saved one' : ''}. Choose Apply to use it on this file.`,
      })
    })

  async function pickedFile(file: File | undefined) {
    if (!file) return
    if (file.size > TEMPLATE_FILE_MAX_CHARS) {
      setNote({ tone: 'error', text: `“${file.name}” is too large to be a mapping template.` })
      return
    }
    await importFile({ fileName: file.name, text: await file.text() }, 'ask')
  }

  return (
    <div className="template-bar">
      {fit && !offerClosed ? (
        <TemplateOffer fit={fit} onApply={() => apply(fit.template)} onDismiss={() => setOfferClosed(true)} />
      ) : null}
      {templates && templates.length > 0 ? (
        <div className="template-row">
          <label htmlFor="template-choice">Saved mappings</label>
          <select
            id="template-choice"
            value={chosen}
            onChange={(event) => {
              setChosen(event.target.value)
              setAsking(null)
            }}
          >
            <option value="">Choose one…</option>
            {templates.map((template) => (
              <option key={template.name} value={template.name}>
                {template.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!chosenTemplate}
            onClick={() => chosenTemplate && apply(chosenTemplate)}
          >
            Apply
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!chosenTemplate}
            onClick={() => setAsking({ kind: 'rename', name: chosen })}
          >
            Rename
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!chosenTemplate}
            onClick={() => void exportChosen()}
          >
            Export to file
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!chosenTemplate}
            onClick={() => setAsking({ kind: 'delete' })}
          >
            Delete
          </button>
        </div>
      ) : null}
      {asking?.kind === 'rename' ? (
        <form
          className="template-row template-ask"
          onSubmit={(event) => {
            event.preventDefault()
            void rename(asking.name)
          }}
        >
          <label htmlFor="template-rename">New name for “{chosen}”</label>
          <input
            id="template-rename"
            value={asking.name}
            maxLength={100}
            onChange={(event) => setAsking({ kind: 'rename', name: event.target.value })}
          />
          <button type="submit" className="button" disabled={asking.name.trim() === ''}>
            Save name
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </form>
      ) : null}
      {asking?.kind === 'delete' ? (
        <div className="template-row template-ask" role="group" aria-label="Delete template">
          <span>
            Delete the template “{chosen}”? Mappings already made are not changed; this cannot be undone.
          </span>
          <button type="button" className="button danger" onClick={() => void remove()}>
            Delete it
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(null)}>
            Keep it
          </button>
        </div>
      ) : null}
      {asking?.kind === 'clash' ? (
        <div className="template-row template-ask" role="group" aria-label="Template name already used">
          <span>
            “{asking.fileName}” holds a template named “{asking.name}”, and you already have one by that name.
          </span>
          <button
            type="button"
            className="button"
            onClick={() => void importFile({ fileName: asking.fileName, text: asking.text }, 'keepBoth')}
          >
            Keep both (as “{asking.suggestedName}”)
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => void importFile({ fileName: asking.fileName, text: asking.text }, 'replace')}
          >
            Replace the saved one
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(null)}>
            Cancel
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
          maxLength={100}
          placeholder="e.g. Shop export"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button" disabled={name.trim() === '' || assignments.length === 0}>
          Save
        </button>
        <button type="button" className="button secondary" onClick={() => fileInput.current?.click()}>
          Import from file…
        </button>
        <input
          ref={fileInput}
          type="file"
          aria-label="Template file to import"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(event) => {
            void pickedFile(event.target.files?.[0])
            event.target.value = ''
          }}
        />
      </form>
      {note ? (
        <Alert tone={note.tone} {...(note.title ? { title: note.title } : {})}>
          {note.text}
        </Alert>
      ) : null}
    </div>
  )
}
