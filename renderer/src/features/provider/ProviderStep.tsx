import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { providerTagline } from '#shared/i18n/provider-text.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { StepActions } from '../../components/StepActions.tsx'
import { useApp, useAppShallow } from '../../store/index.ts'
import { ConnectionForm } from '../connections/ConnectionForm.tsx'
import { ConnectionPicker } from './ConnectionPicker.tsx'

/** Which connection form is open: none, a new one, or the selected saved one. */
type FormState = 'closed' | 'new' | 'edit'

export function ProviderStep() {
  const { t } = useTranslation(['provider', 'common'])
  const { providerId, connections, connectionId, connectionsError } = useAppShallow((state) => ({
    providerId: state.providerId,
    connections: state.connections,
    connectionId: state.connectionId,
    connectionsError: state.connectionsError,
  }))
  const providerChosen = useApp((state) => state.providerChosen)
  const connectionsRefreshed = useApp((state) => state.connectionsRefreshed)
  const stepChosen = useApp((state) => state.stepChosen)
  const [form, setForm] = useState<FormState>('closed')
  const provider = providerId ? PROVIDERS[providerId] : null
  const connection = connections.find((candidate) => candidate.id === connectionId) ?? null

  // Coming back to this step refreshes the connection list (the sandbox may have been restarted).
  useEffect(() => {
    if (providerId) void providerChosen(providerId)
  }, [providerId, providerChosen])

  return (
    <section className="step" aria-labelledby="provider-heading">
      <h1 id="provider-heading">{t('heading')}</h1>
      <fieldset className="provider-cards">
        <legend>{t('legend')}</legend>
        {Object.values(PROVIDERS).map((candidate) => (
          <label key={candidate.id} className={candidate.id === providerId ? 'card selected' : 'card'}>
            <input
              type="radio"
              name="provider"
              value={candidate.id}
              checked={candidate.id === providerId}
              aria-describedby={`tagline-${candidate.id}`}
              onChange={() => {
                setForm('closed')
                void providerChosen(candidate.id)
              }}
            />
            <span className="card-title">{candidate.displayName}</span>
            <span className="muted" id={`tagline-${candidate.id}`}>
              {providerTagline(candidate)}
            </span>
          </label>
        ))}
      </fieldset>
      {provider && form === 'closed' ? (
        <ConnectionPicker
          connections={connections}
          connection={connection}
          onAdd={() => setForm('new')}
          onEdit={() => setForm('edit')}
        />
      ) : null}
      {provider && form !== 'closed' ? (
        <ConnectionForm
          key={`${provider.id}-${form}-${form === 'edit' ? connectionId : ''}`}
          provider={provider}
          editing={form === 'edit' ? connection : null}
          onSaved={(saved) => {
            setForm('closed')
            void connectionsRefreshed(saved.id)
          }}
          onDeleted={() => {
            setForm('closed')
            void connectionsRefreshed()
          }}
          onClose={() => setForm('closed')}
        />
      ) : null}
      {connectionsError ? <Alert tone="error">{connectionsError}</Alert> : null}
      <StepActions
        onBack={() => stepChosen('file')}
        next={{
          label: t('common:actions.continue'),
          disabled: !providerId || !connectionId || form !== 'closed',
          onClick: () => stepChosen('map'),
        }}
      />
    </section>
  )
}
