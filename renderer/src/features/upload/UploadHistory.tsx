import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PastUpload } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { api, unwrap } from '../../lib/ipc.ts'
import { formatCount, formatDateTime } from '../../lib/format.ts'

const SHOWN = 10

function outcome(t: TFunction<'upload'>, { totals, finished }: PastUpload): string {
  const parts = (['created', 'updated', 'skipped', 'failed'] as const)
    .filter((status) => totals[status] > 0)
    .map((status) => t(`totals.${status}`, { count: totals[status] }))
  const done = totals.created + totals.updated + totals.skipped + totals.failed
  if (!finished) return t('history.stopped', { count: totals.rows, done: formatCount(done) })
  return parts.length > 0 ? parts.join(' · ') : t('history.noRows')
}

/** The last uploads made on this computer, read from their journals, so the list survives restarts. */
export function UploadHistory() {
  const { t } = useTranslation('upload')
  const [uploads, setUploads] = useState<PastUpload[]>([])
  useEffect(() => {
    void unwrap(api.uploads.history({ limit: SHOWN })).then(setUploads, () => setUploads([]))
  }, [])
  if (uploads.length === 0) return null
  return (
    <details className="upload-history">
      <summary>{t('history.summary', { shown: formatCount(uploads.length) })}</summary>
      <table className="grid-table" aria-label={t('history.label')}>
        <thead>
          <tr>
            <th scope="col">{t('history.started')}</th>
            <th scope="col">{t('history.file')}</th>
            <th scope="col">{t('history.platform')}</th>
            <th scope="col">{t('history.result')}</th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((upload) => (
            <tr key={upload.id}>
              <td>{formatDateTime(new Date(upload.startedAt))}</td>
              <td>{upload.fileName}</td>
              <td>
                {getProvider(upload.providerId).displayName} ({upload.connectionName})
              </td>
              <td>{outcome(t, upload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
