import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { connectionChoiceLabel, connectionFieldText } from '#shared/i18n/provider-text.ts'
import type { ConnectionDraft, ConnectionSummary } from '#shared/ipc/contract.ts'
import type { ConnectionField, ProviderDefinition } from '#shared/providers/types.ts'
import { Alert } from '../../components/Alert.tsx'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { CheckResult } from './CheckResult.tsx'

interface ConnectionFormProps {
  provider: ProviderDefinition
  /** The saved connection being edited, or null for a new one. */
  editing: ConnectionSummary | null
  onSaved(connection: ConnectionSummary): void
  onDeleted(): void
  onClose(): void
}

type Check = { ok: boolean; message: string } | null

function initialDraft(provider: ProviderDefinition, editing: ConnectionSummary | null): ConnectionDraft {
  const defaults = Object.fromEntries(
    provider.connection.fields
      .filter((field) => field.kind !== 'secret' && field.default !== undefined)
      .map((field) => [field.key, field.default ?? '']),
  )
  return {
    providerId: provider.id,
    ...(editing ? { id: editing.id } : {}),
    name: editing?.name ?? '',
    settings: editing ? { ...editing.settings } : defaults,
    secrets: {},
    baseUrlOverride: editing?.baseUrlOverride ?? '',
  }
}

/**
 * The connection form: exactly the fields the provider needs, generated from its ConnectionSpec.
 * Saved secrets are never shown again: their fields stay blank and say that blank keeps them.
 */
export function ConnectionForm({ provider, editing, onSaved, onDeleted, onClose }: ConnectionFormProps) {
  const { t } = useTranslation('connections')
  const [draft, setDraft] = useState(() => initialDraft(provider, editing))
  const [check, setCheck] = useState<Check>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState<'test' | 'save' | 'delete' | null>(null)
  const [storage, setStorage] = useState<string | null>(null)
  const headingId = useId()

  useEffect(() => {
    void unwrap(api.connections.secretStorage({})).then(
      (answer) => setStorage(answer.description),
      () => setStorage(null),
    )
  }, [])

  const setValue = (field: ConnectionField, value: string) => {
    setCheck(null)
    setDraft((current) =>
      field.kind === 'secret'
        ? { ...current, secrets: { ...current.secrets, [field.key]: value } }
        : { ...current, settings: { ...current.settings, [field.key]: value } },
    )
  }

  async function test() {
    setBusy('test')
    setCheck(null)
    try {
      setCheck(await unwrap(api.connections.test(draft)))
    } catch (error) {
      setCheck({ ok: false, message: messageOf(error) })
    } finally {
      setBusy(null)
    }
  }

  async function save() {
    setBusy('save')
    setProblems([])
    try {
      onSaved(await unwrap(api.connections.save(draft)))
    } catch (error) {
      setProblems(messageOf(error).split('\n'))
    } finally {
      setBusy(null)
    }
  }

  async function remove() {
    if (!editing) return
    if (!window.confirm(t('confirmDelete', { name: editing.name }))) return
    setBusy('delete')
    try {
      await unwrap(api.connections.delete({ id: editing.id }))
      onDeleted()
    } catch (error) {
      setProblems([messageOf(error)])
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="connection-form" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {editing
          ? t('heading.edit', { name: editing.name })
          : t('heading.new', { provider: provider.displayName })}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <div className="field">
          <label htmlFor="connection-name">{t('name')}</label>
          <input
            id="connection-name"
            value={draft.name}
            placeholder={t('namePlaceholder')}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </div>
        {provider.connection.fields.map((field) => (
          <ConnectionInput
            key={field.key}
            providerId={provider.id}
            field={field}
            value={(field.kind === 'secret' ? draft.secrets[field.key] : draft.settings[field.key]) ?? ''}
            saved={field.kind === 'secret' && (editing?.secretsSaved.includes(field.key) ?? false)}
            onChange={(value) => setValue(field, value)}
          />
        ))}
        <details className="advanced" open={Boolean(draft.baseUrlOverride)}>
          <summary>{t('advanced')}</summary>
          <div className="field">
            <label htmlFor="connection-address">{t('address')}</label>
            <input
              id="connection-address"
              value={draft.baseUrlOverride ?? ''}
              placeholder={provider.connection.baseUrl(draft.settings)}
              aria-describedby="connection-address-help"
              onChange={(event) => setDraft({ ...draft, baseUrlOverride: event.target.value })}
            />
            <p className="muted" id="connection-address-help">
              {t('addressHelp')}
            </p>
          </div>
        </details>
        {storage ? <p className="muted">{storage}</p> : null}
        {problems.length > 0 ? (
          <Alert tone="error" title={t('notSaved')}>
            <ul className="problems">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {check ? <CheckResult ok={check.ok} message={check.message} /> : null}
        <div className="actions">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void test()}>
            {busy === 'test' ? t('testing') : t('test')}
          </button>
          <button type="submit" className="button primary" disabled={busy !== null}>
            {busy === 'save' ? t('saving') : t('save')}
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={onClose}>
            {t('cancel')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button danger"
              disabled={busy !== null}
              onClick={() => void remove()}
            >
              {t('delete')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  )
}

/** The empty choice of an optional input: a dash, the same in every language. */
const NO_CHOICE = '—'

interface ConnectionInputProps {
  providerId: ProviderDefinition['id']
  field: ConnectionField
  value: string
  /** A secret already stored: blank keeps it. */
  saved: boolean
  onChange(value: string): void
}

function ConnectionInput({ providerId, field, value, saved, onChange }: ConnectionInputProps) {
  const { t } = useTranslation('connections')
  const id = `connection-${field.key}`
  const helpId = `${id}-help`
  const name = connectionFieldText(providerId, field, 'label')
  const label = field.required ? name : t('optional', { label: name })
  const placeholder = field.placeholder ? connectionFieldText(providerId, field, 'placeholder') : undefined
  const help = connectionFieldText(providerId, field, 'help')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.kind === 'choice' ? (
        <select
          id={id}
          value={value}
          aria-describedby={helpId}
          onChange={(event) => onChange(event.target.value)}
        >
          {field.required ? null : <option value="">{NO_CHOICE}</option>}
          {field.choices?.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {connectionChoiceLabel(providerId, field.key, choice)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.kind === 'secret' ? 'password' : field.kind === 'url' ? 'url' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={saved ? t('savedSecret') : placeholder}
          aria-describedby={helpId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <p className="muted" id={helpId}>
        {help}
      </p>
    </div>
  )
}
