import { useEffect, useRef } from 'react'
import { plural } from '../../lib/format.ts'

interface ConfirmSendProps {
  rowsToSend: number
  rowsSkipped: number
  providerName: string
  connectionName: string
  baseUrl: string
  onConfirm(): void
  onCancel(): void
}

/**
 * The last look before customer data goes to a real (non-sandbox) account: how many rows will be sent,
 * how many skipped, and exactly where. The safe choice has focus, and Escape backs out, so a stray
 * Enter never sends a file to production.
 */
export function ConfirmSend(props: ConfirmSendProps) {
  const { rowsToSend, rowsSkipped, providerName, connectionName, baseUrl, onConfirm, onCancel } = props
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => cancelRef.current?.focus(), [])
  return (
    <div
      className="confirm-send"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="confirm-send-title"
      aria-describedby="confirm-send-detail"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <h2 id="confirm-send-title">
        Send {plural(rowsToSend, 'row')} to {providerName}?
      </h2>
      <p id="confirm-send-detail">
        This is <strong>{connectionName}</strong> (<code>{baseUrl}</code>), not the Sandbox: customers will be
        created or changed in that account.
        {rowsSkipped > 0 ? ` ${plural(rowsSkipped, 'row')} with errors will be skipped.` : ''}
      </p>
      <div className="confirm-actions">
        <button type="button" className="button secondary" ref={cancelRef} onClick={onCancel}>
          Not yet
        </button>
        <button type="button" className="button primary" onClick={onConfirm}>
          Send {plural(rowsToSend, 'row')}
        </button>
      </div>
    </div>
  )
}
