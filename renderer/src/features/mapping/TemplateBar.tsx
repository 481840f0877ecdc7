import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderId } from '#shared/ids.ts'
import { TEMPLATE_FILE_MAX_CHARS } from '#shared/ipc/contract.ts'
import type { Assignment, Constant } from '#shared/mapping/mapping.ts'
import {
  applyTemplate,
  templateFromAssignments,
  type AppliedTemplate,
  type MappingTemplate,
} from '#shared/mapping/template.ts'
import { Alert } from '../../components/Alert.tsx'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { explainApplied, templateNotes, type TemplateNote } from './template-notes.ts'
import { bestFittingTemplate, TemplateOffer, type TemplateFit } from './TemplateOffer.tsx'
import { saveDownload } from '../../lib/save-download.ts'

interface TemplateBarProps {
  providerId: ProviderId
  headers: readonly string[]
  assignments: readonly Assignment[]
  /** Fields given one value on every row: saved with the template. */
  constants: readonly Constant[]
  /** The template's assignments on this file's columns, and its fixed values. */
  onApply(applied: AppliedTemplate): void
}

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

/** Saves the text as a file: a save dialog in the app, the browser's download through the web bridge. */
function download(fileName: string, text: string) {
  saveDownload(fileName, text, 'application/json;charset=utf-8')
}

/**
 * Save this mapping under a name, apply one saved earlier (matched by column names), keep saved ones
 * tidy (rename, delete) and move them between computers as files. Offers a saved one that fits.
 */
export function TemplateBar({ providerId, headers, assignments, constants, onApply }: TemplateBarProps) {
  const { t } = useTranslation('mapping')
  const [templates, setTemplates] = useState<MappingTemplate[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [name, setName] = useState('')
  const [note, setNote] = useState<TemplateNote | null>(null)
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
    setNote(explainApplied(template, applied, providerId))
  }

  async function run(task: () => Promise<void>) {
    try {
      await task()
    } catch (error) {
      setNote(templateNotes.failed(messageOf(error)))
    }
  }

  const save = () =>
    run(async () => {
      const saved = await unwrap(
        api.templates.save(templateFromAssignments(name, providerId, assignments, headers, [...constants])),
      )
      setNote(templateNotes.saved(saved.name))
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
      setNote(templateNotes.renamed(chosen, renamed.name))
    })

  const remove = () =>
    run(async () => {
      await unwrap(api.templates.delete({ providerId, name: chosen }))
      setAsking(null)
      setNote(templateNotes.deleted(chosen))
      setChosen('')
      await reload()
    })

  const exportChosen = () =>
    run(async () => {
      const { fileName, text } = await unwrap(api.templates.export({ providerId, name: chosen }))
      download(fileName, text)
      setNote(templateNotes.exported(chosen, fileName))
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
      setNote(templateNotes.imported(outcome.template.name, file.fileName, outcome.replaced))
    })

  async function pickedFile(file: File | undefined) {
    if (!file) return
    if (file.size > TEMPLATE_FILE_MAX_CHARS) {
      setNote(templateNotes.tooLarge(file.name))
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
          <label htmlFor="template-choice">{t('templateBar.saved')}</label>
          <select
            id="template-choice"
            value={chosen}
            onChange={(event) => {
              setChosen(event.target.value)
              setAsking(null)
            }}
          >
            <option value="">{t('templateBar.chooseOne')}</option>
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
            {t('templateBar.apply')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!chosenTemplate}
            onClick={() => setAsking({ kind: 'rename', name: chosen })}
          >
            {t('templateBar.rename')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!chosenTemplate}
            onClick={() => void exportChosen()}
          >
            {t('templateBar.export')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!chosenTemplate}
            onClick={() => setAsking({ kind: 'delete' })}
          >
            {t('templateBar.delete')}
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
          <label htmlFor="template-rename">{t('templateBar.newName', { name: chosen })}</label>
          <input
            id="template-rename"
            value={asking.name}
            maxLength={100}
            onChange={(event) => setAsking({ kind: 'rename', name: event.target.value })}
          />
          <button type="submit" className="button" disabled={asking.name.trim() === ''}>
            {t('templateBar.saveName')}
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(null)}>
            {t('templateBar.cancel')}
          </button>
        </form>
      ) : null}
      {asking?.kind === 'delete' ? (
        <div className="template-row template-ask" role="group" aria-label={t('templateBar.deleteLabel')}>
          <span>{t('templateBar.deleteQuestion', { name: chosen })}</span>
          <button type="button" className="button danger" onClick={() => void remove()}>
            {t('templateBar.deleteIt')}
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(null)}>
            {t('templateBar.keepIt')}
          </button>
        </div>
      ) : null}
      {asking?.kind === 'clash' ? (
        <div className="template-row template-ask" role="group" aria-label={t('templateBar.clashLabel')}>
          <span>{t('templateBar.clashQuestion', { file: asking.fileName, name: asking.name })}</span>
          <button
            type="button"
            className="button"
            onClick={() => void importFile({ fileName: asking.fileName, text: asking.text }, 'keepBoth')}
          >
            {t('templateBar.keepBoth', { name: asking.suggestedName })}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => void importFile({ fileName: asking.fileName, text: asking.text }, 'replace')}
          >
            {t('templateBar.replace')}
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(null)}>
            {t('templateBar.cancel')}
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
        <label htmlFor="template-name">{t('templateBar.saveAs')}</label>
        <input
          id="template-name"
          value={name}
          maxLength={100}
          placeholder={t('templateBar.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button" disabled={name.trim() === '' || assignments.length === 0}>
          {t('templateBar.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => fileInput.current?.click()}>
          {t('templateBar.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          aria-label={t('templateBar.importFile')}
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
        <Alert tone={note.tone} {...(note.title ? { title: note.title() } : {})}>
          {note.text()}
        </Alert>
      ) : null}
    </div>
  )
}
