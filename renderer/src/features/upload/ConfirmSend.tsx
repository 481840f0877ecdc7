import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'

interface ConfirmSendProps {
  rowsToSend: number
  rowsSkipped: number
  providerName: string
  connectionName: string
  /** Where it sends; absent when not known (a resumed upload whose connection was deleted since). */
  baseUrl?: string
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
  const { t } = useTranslation('upload')
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
      <h2 id="confirm-send-title">{t('confirm.title', { count: rowsToSend, provider: providerName })}</h2>
      <p id="confirm-send-detail">
        <Trans
          t={t}
          i18nKey={baseUrl === undefined ? 'confirm.detailNoAddress' : 'confirm.detail'}
          values={{ connection: connectionName, baseUrl }}
          components={{ strong: <strong />, code: <code /> }}
        />
        {rowsSkipped > 0 ? ` ${t('confirm.skipped', { count: rowsSkipped })}` : null}
      </p>
      <div className="confirm-actions">
        <button type="button" className="button secondary" ref={cancelRef} onClick={onCancel}>
          {t('confirm.notYet')}
        </button>
        <button type="button" className="button primary" onClick={onConfirm}>
          {t('confirm.send', { count: rowsToSend })}
        </button>
      </div>
    </div>
  )
}
