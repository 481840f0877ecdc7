import { useTranslation } from 'react-i18next'
import { formatMessage } from '#shared/i18n/i18n.ts'
import type { FieldIssue, PayloadPreview } from '#shared/providers/types.ts'
import { formatCount } from '../../lib/format.ts'
import { ICON } from './icons.ts'

/** One row of "What will be sent": its request, its body and what would stop it. */
export interface PreviewedRow {
  row: number
  payload: PayloadPreview | null
  errors: FieldIssue[]
  warnings: FieldIssue[]
  /** The body as shown and copied; empty when the row would not be sent. */
  text: string
}

interface PayloadRowProps {
  entry: PreviewedRow
  headingId: string
  copied: boolean
  onCopy(): void
  /** False when the same note is said once above every row. */
  showNote: boolean
}

export function PayloadRow({ entry, headingId, copied, onCopy, showNote }: PayloadRowProps) {
  const { t } = useTranslation('mapping')
  const row = formatCount(entry.row)
  return (
    <article className="payload-row" aria-labelledby={headingId}>
      <div className="payload-row-head">
        <h3 id={headingId}>{t('payloadPreview.row', { row })}</h3>
        {entry.payload ? (
          <code className="payload-request">
            {entry.payload.request}{' '}
            {entry.payload.encoding === 'form' ? t('payloadPreview.formFields') : t('payloadPreview.json')}
          </code>
        ) : null}
        {entry.text ? (
          <button type="button" className="button secondary small" onClick={onCopy}>
            {copied ? t('payloadPreview.copied') : t('payloadPreview.copy', { row })}
          </button>
        ) : null}
      </div>
      {entry.errors.length > 0 ? (
        <div className="payload-issues payload-issues-error">
          <strong>
            <span aria-hidden="true">{ICON.rejected} </span>
            {t('payloadPreview.errors', { count: entry.errors.length })}
          </strong>
          <ul>
            {entry.errors.map((issue, index) => (
              <li key={index}>{formatMessage(issue.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {entry.payload?.refused ? (
        <div className="payload-issues payload-issues-error">
          <strong>
            <span aria-hidden="true">{ICON.rejected} </span>
            {t('payloadPreview.refused')}
          </strong>{' '}
          {entry.payload.refused}
        </div>
      ) : null}
      {entry.warnings.length > 0 ? (
        <div className="payload-issues payload-issues-warning">
          <strong>
            <span aria-hidden="true">{ICON.warning} </span>
            {t('payloadPreview.warnings', { count: entry.warnings.length })}
          </strong>
          <ul>
            {entry.warnings.map((issue, index) => (
              <li key={index}>{formatMessage(issue.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {entry.text ? (
        // Focusable so the scrollable code can be scrolled and selected with the keyboard.
        <pre className="payload-json" tabIndex={0} aria-label={t('payloadPreview.body', { row })}>
          {entry.text}
        </pre>
      ) : null}
      {entry.payload?.note && showNote ? <p className="muted payload-note">{entry.payload.note}</p> : null}
    </article>
  )
}
