import { useEffect } from 'react'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { useApp, useAppShallow } from '../../store/index.ts'
import { StepActions } from '../../components/StepActions.tsx'

export function ProviderStep() {
  const { providerId, connections, connectionId, connectionsError } = useAppShallow((state) => ({
    providerId: state.providerId,
    connections: state.connections,
    connectionId: state.connectionId,
    connectionsError: state.connectionsError,
  }))
  const providerChosen = useApp((state) => state.providerChosen)
  const connectionChosen = useApp((state) => state.connectionChosen)
  const stepChosen = useApp((state) => state.stepChosen)
  const connection = connections.find((candidate) => candidate.id === connectionId)

  // Coming back to this step refreshes the connection list (the sandbox may have been restarted).
  useEffect(() => {
    if (providerId) void providerChosen(providerId)
  }, [providerId, providerChosen])

  return (
    <section className="step" aria-labelledby="provider-heading">
      <h1 id="provider-heading">Choose the platform</h1>
      <fieldset className="provider-cards">
        <legend>Provider</legend>
        {Object.values(PROVIDERS).map((provider) => (
          <label key={provider.id} className={provider.id === providerId ? 'card selected' : 'card'}>
            <input
              type="radio"
              name="provider"
              value={provider.id}
              checked={provider.id === providerId}
              aria-describedby={`tagline-${provider.id}`}
              onChange={() => void providerChosen(provider.id)}
            />
            <span className="card-title">{provider.displayName}</span>
            <span className="muted" id={`tagline-${provider.id}`}>
              {provider.tagline}
            </span>
          </label>
        ))}
      </fieldset>
      {providerId ? (
        <div className="field">
          <label htmlFor="connection">Connection</label>
          <select
            id="connection"
            value={connectionId ?? ''}
            onChange={(event) => {
              const chosen = connections.find((candidate) => candidate.id === event.target.value)
              if (chosen) connectionChosen(chosen.id)
            }}
          >
            {connections.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          {connection ? (
            <p className="muted">
              Data goes to <code>{connection.baseUrl}</code>
              {connection.kind === 'sandbox'
                ? ' — a practice copy of the platform on this computer; nothing leaves it.'
                : '.'}
            </p>
          ) : null}
        </div>
      ) : null}
      {connectionsError ? <Alert tone="error">{connectionsError}</Alert> : null}
      <StepActions
        onBack={() => stepChosen('file')}
        next={{ label: 'Continue', disabled: !providerId || !connectionId, onClick: () => stepChosen('map') }}
      />
    </section>
  )
}
