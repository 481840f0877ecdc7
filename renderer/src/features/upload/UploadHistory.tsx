import { useEffect, useState } from 'react'
import type { PastUpload } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { api, unwrap } from '../../lib/ipc.ts'
import { formatCount } from '../../lib/format.ts'

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const SHOWN = 10

function outcome({ totals, finished }: PastUpload): string {
  const parts = (['created', 'updated', 'skipped', 'failed'] as const)
    .filter((status) => totals[status] > 0)
    .map((status) => `${formatCount(totals[status])} ${status}`)
  const done = totals.created + totals.updated + totals.skipped + totals.failed
  if (!finished) return `stopped with ${formatCount(done)} of ${formatCount(totals.rows)} rows done`
  return parts.length > 0 ? parts.join(' · ') : 'no rows'
}

/** The last uploads made on this computer, read from their journals, so the list survives restarts. */
export function UploadHistory() {
  const [uploads, setUploads] = useState<PastUpload[]>([])
  useEffect(() => {
    void unwrap(api.uploads.history({ limit: SHOWN })).then(setUploads, () => setUploads([]))
  }, [])
  if (uploads.length === 0) return null
  return (
    <details className="upload-history">
      <summary>Recent uploads ({uploads.length})</summary>
      <table className="grid-table" aria-label="Recent uploads">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">File</th>
            <th scope="col">Platform</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((upload) => (
            <tr key={upload.id}>
              <td>{WHEN.format(new Date(upload.startedAt))}</td>
              <td>{upload.fileName}</td>
              <td>
                {getProvider(upload.providerId).displayName} ({upload.connectionName})
              </td>
              <td>{outcome(upload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
