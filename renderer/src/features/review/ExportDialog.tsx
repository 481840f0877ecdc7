import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { create } from 'zustand'
import { Alert } from '../../components/Alert.tsx'
import { formatCount } from '../../lib/format.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import { saveDownload } from '../../lib/save-download.ts'
import { useApp } from '../../store/index.ts'

// File → Export… (and the review's Export button): the review's rows as a spreadsheet to fix in Excel
// and drop back in. Its own tiny store, because the menu opens it from outside any screen.

const useExportDialog = create<{ open: boolean }>(() => ({ open: false }))

export const openExportDialog = () => useExportDialog.setState({ open: true })

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export function ExportDialog() {
  const { t } = useTranslation('export')
  const open = useExportDialog((state) => state.open)
  const dialog = useRef<HTMLDialogElement>(null)
  const datasetId = useApp((state) => state.dataset?.datasetId ?? null)
  const validation = useApp((state) => state.validation)
  const [rows, setRows] = useState<'problems' | 'all'>('problems')
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      setError(null)
      setSaved(null)
      element.showModal()
    }
    if (!open && element.open) element.close()
  }, [open])

  const close = () => useExportDialog.setState({ open: false })
  const canExport = datasetId !== null && validation !== null

  async function exportNow() {
    if (!datasetId) return
    setBusy(true)
    setError(null)
    try {
      const file = await unwrap(api.dataset.export({ datasetId, rows, format }))
      saveDownload(file.fileName, file.data, MIME[format], file.encoding)
      setSaved(t('ui.saved', { count: file.rows, fileName: file.fileName }))
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={dialog} className="dialog export-dialog" aria-labelledby="export-title" onClose={close}>
      <h2 id="export-title">{t('ui.title')}</h2>
      {canExport ? (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault()
            void exportNow()
          }}
        >
          <p className="muted">{t('ui.intro')}</p>
          <fieldset>
            <legend>{t('ui.rows')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="rows"
                checked={rows === 'problems'}
                onChange={() => setRows('problems')}
              />
              {t('ui.problemRows')}
            </label>
            <label className="choice">
              <input type="radio" name="rows" checked={rows === 'all'} onChange={() => setRows('all')} />
              {t('ui.allRows', { count: validation.rows, rows: formatCount(validation.rows) })}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('ui.format')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="format"
                checked={format === 'xlsx'}
                onChange={() => setFormat('xlsx')}
              />
              {t('ui.xlsx')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name="format"
                checked={format === 'csv'}
                onChange={() => setFormat('csv')}
              />
              {t('ui.csv')}
            </label>
          </fieldset>
          {saved ? <Alert tone="info">{saved}</Alert> : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="actions">
            <button type="button" className="button" onClick={close}>
              {t('ui.close')}
            </button>
            <button type="submit" className="button primary" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('ui.exporting') : t('ui.export')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('ui.nothingYet')}</p>
          <div className="actions">
            <button type="button" className="button primary" onClick={close}>
              {t('ui.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}
