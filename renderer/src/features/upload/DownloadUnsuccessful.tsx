import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobId } from '#shared/ids.ts'
import { Alert } from '../../components/Alert.tsx'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { saveDownload } from '../../lib/save-download.ts'

/**
 * Saves the rows that did not go through as a CSV in the file's own columns plus the reason, to fix in
 * a spreadsheet program and import again. A browser download, so it works the same in the app and
 * through the web bridge.
 */
interface DownloadUnsuccessfulProps {
  jobId: JobId
  count: number
  /** Sends the rows again; the step decides whether that needs a last look first (a real account). */
  onSendAgain(): void
}

export function DownloadUnsuccessful({ jobId, count, onSendAgain }: DownloadUnsuccessfulProps) {
  const { t } = useTranslation('upload')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      const { fileName, csv } = await unwrap(api.upload.unsuccessfulRows({ jobId }))
      saveDownload(fileName, csv, 'text/csv;charset=utf-8')
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="download-unsuccessful">
      <div className="actions start">
        <button type="button" className="button" disabled={busy} onClick={() => void download()}>
          {t('unsuccessful.download', { count })}
        </button>
        <button type="button" className="button" onClick={onSendAgain}>
          {t('unsuccessful.sendAgain', { count })}
        </button>
      </div>
      <p className="muted">{t('unsuccessful.help')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  )
}
