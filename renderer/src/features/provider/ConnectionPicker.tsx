import { useState } from 'react'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { useApp } from '../../store/index.ts'
import { CheckResult } from '../connections/CheckResult.tsx'

interface ConnectionPickerProps {
  connections: readonly ConnectionSummary[]
  connection: ConnectionSummary | null
  onAdd(): void
  onEdit(): void
}

/** Where the data goes: the sandbox or a saved connection, its address, and a way to test it. */
export function ConnectionPicker({ connections, connection, onAdd, onEdit }: ConnectionPickerProps) {
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
      <label htmlFor="connection">Connection</label>
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
              {candidate.name}
            </option>
          ))}
        </select>
        {connection ? (
          <button type="button" className="button" disabled={testing} onClick={() => void test(connection)}>
            {testing ? 'Testing…' : 'Test connection'}
          </button>
        ) : null}
        {connection?.kind === 'remote' ? (
          <button type="button" className="button" onClick={onEdit}>
            Edit…
          </button>
        ) : null}
        <button type="button" className="button" onClick={onAdd}>
          Add connection…
        </button>
      </div>
      {connection ? (
        <p className="muted">
          Data goes to <code>{connection.baseUrl}</code>
          {connection.kind === 'sandbox'
            ? ' — a practice copy of the platform on this computer; nothing leaves it.'
            : '.'}
        </p>
      ) : null}
      {check && check.for === connection?.id ? <CheckResult ok={check.ok} message={check.message} /> : null}
    </div>
  )
}
