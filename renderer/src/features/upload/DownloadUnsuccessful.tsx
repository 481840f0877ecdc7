import { useState } from 'react'
import type { JobId } from '#shared/ids.ts'
import { Alert } from '../../components/Alert.tsx'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { plural } from '../../lib/format.ts'
import { useApp } from '../../store/index.ts'

/**
 * Saves the rows that did not go through as a CSV in the file's own columns plus the reason, to fix in
 * a spreadsheet program and import again. A browser download, so it works the same in the app and
 * through the web bridge.
 */
export function DownloadUnsuccessful({ jobId, count }: { jobId: JobId; count: number }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const uploadRetried = useApp((state) => state.uploadRetried)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      const { fileName, csv } = await unwrap(api.upload.unsuccessfulRows({ jobId }))
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
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
          Download the {plural(count, 'row')} that did not go through (CSV)
        </button>
        <button type="button" className="button" onClick={() => void uploadRetried()}>
          Send {count === 1 ? 'it' : 'them'} again
        </button>
      </div>
      <p className="muted">
        The CSV has your file's own columns, with the reason in a last column: fix the rows in your
        spreadsheet and drop the file here again. Or fix them in Review, then come back and send them again.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  )
}
