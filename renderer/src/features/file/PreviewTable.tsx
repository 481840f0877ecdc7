import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewRow } from '#shared/ipc/contract.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { Alert } from '../../components/Alert.tsx'

const PREVIEW_ROWS = 20

/** The first rows as they were read, to check at a glance that the file was understood. */
export function PreviewTable({ dataset }: { dataset: DatasetSummary }) {
  const { t } = useTranslation('file')
  const [rows, setRows] = useState<ReviewRow[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    unwrap(
      api.dataset.rows({ datasetId: dataset.datasetId, offset: 0, limit: PREVIEW_ROWS, filter: 'all' }),
    ).then(
      (page) => current && setRows(page.rows),
      (reason: unknown) => current && setError(messageOf(reason)),
    )
    return () => {
      current = false
    }
  }, [dataset.datasetId])

  if (error) return <Alert tone="error">{error}</Alert>
  return (
    <div className="preview-scroll" tabIndex={0} aria-label={t('preview.scrollable')}>
      <table
        className="preview-table"
        aria-label={t('preview.tableLabel', { count: PREVIEW_ROWS, file: dataset.fileName })}
      >
        <thead>
          <tr>
            <th scope="col">{t('preview.row')}</th>
            {dataset.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <td className="row-number">{row.row}</td>
              {dataset.headers.map((header, column) => (
                <td key={header}>{row.cells[column] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
