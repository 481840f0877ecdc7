import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { useApp } from '../../store/index.ts'
import { CheckResult } from '../connections/CheckResult.tsx'
import { connectionName } from '../../lib/connection-name.ts'

interface ConnectionPickerProps {
  connections: readonly ConnectionSummary[]
  connection: ConnectionSummary | null
  onAdd(): void
  onEdit(): void
}

/** Where the data goes: the sandbox or a saved connection, its address, and a way to test it. */
export function ConnectionPicker({ connections, connection, onAdd, onEdit }: ConnectionPickerProps) {
  const { t } = useTranslation(['provider', 'connections'])
  const connectionChosen = useApp((state) => state.connectionChosen)
  const [check, setCheck] = useState<{ ok: boolean; message: string; for: string } | null>(null)
  const [testing, setTesting] = useState(false)

  async function test(target: ConnectionSummary) {
    setTesting(true)
    setCheck(null)
    try {
      const answer = await unwrap(
        api.connections.test({
          providerId: target.providerId,
          id: target.id,
          name: target.name,
          settings: target.settings,
          secrets: {},
          ...(target.baseUrlOverride ? { baseUrlOverride: target.baseUrlOverride } : {}),
        }),
      )
      setCheck({ ...answer, for: target.id })
    } catch (error) {
      setCheck({ ok: false, message: messageOf(error), for: target.id })
    } finally {
      setTesting(false)
    }
  }

  return (
    <div className="field">
      <label htmlFor="connection">{t('connection.label')}</label>
      <div className="connection-row">
        <select
          id="connection"
          value={connection?.id ?? ''}
          onChange={(event) => {
            const chosen = connections.find((candidate) => candidate.id === event.target.value)
            if (chosen) connectionChosen(chosen.id)
            setCheck(null)
          }}
        >
          {connections.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {connectionName(candidate)}
            </option>
          ))}
        </select>
        {connection ? (
          <button type="button" className="button" disabled={testing} onClick={() => void test(connection)}>
            {testing ? t('connections:testing') : t('connections:test')}
          </button>
        ) : null}
        {connection?.kind === 'remote' ? (
          <button type="button" className="button" onClick={onEdit}>
            {t('connection.edit')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onAdd}>
          {t('connection.add')}
        </button>
      </div>
      {connection ? (
        <p className="muted">
          <Trans
            t={t}
            i18nKey={connection.kind === 'sandbox' ? 'connection.goesToSandbox' : 'connection.goesTo'}
            values={{ url: connection.baseUrl }}
            components={{ code: <code /> }}
          />
        </p>
      ) : null}
      {check && check.for === connection?.id ? <CheckResult ok={check.ok} message={check.message} /> : null}
    </div>
  )
}
