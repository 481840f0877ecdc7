import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { Alert } from '../../components/Alert.tsx'
import { useApp } from '../../store/index.ts'
import { ConnectionForm } from '../connections/ConnectionForm.tsx'

interface CredentialsRefusedProps {
  reason: string
  provider: ProviderDefinition
  connection: ConnectionSummary
}

/**
 * An upload that paused itself because the provider refused the connection's credentials: why, and
 * the connection form right here, so the key can be replaced and the upload continued where it stopped.
 */
export function CredentialsRefused({ reason, provider, connection }: CredentialsRefusedProps) {
  const { t } = useTranslation('upload')
  const connectionsRefreshed = useApp((state) => state.connectionsRefreshed)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  return (
    <div className="credentials-refused">
      <Alert tone="warning" title={t('refused.title')}>
        {reason}
      </Alert>
      {saved ? <p role="status">{t('refused.saved')}</p> : null}
      {editing ? (
        <ConnectionForm
          provider={provider}
          editing={connection}
          onSaved={(updated) => {
            setEditing(false)
            setSaved(true)
            void connectionsRefreshed(updated.id)
          }}
          onDeleted={() => {
            setEditing(false)
            void connectionsRefreshed()
          }}
          onClose={() => setEditing(false)}
        />
      ) : (
        <button type="button" className="button secondary" onClick={() => setEditing(true)}>
          {t('refused.update', { connection: connection.name })}
        </button>
      )}
    </div>
  )
}
