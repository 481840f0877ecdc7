import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { formatCount, formatDateTime } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import { ConfirmSend } from './ConfirmSend.tsx'

/**
 * Uploads that stopped before every row had its answer (Crosswalk or the computer was shut down):
 * offered for resuming, which sends only the rows without an answer. Resuming into a real account
 * (not the Sandbox) asks first, with the rows still to send and where, as starting an upload does.
 */
export function ResumeOffer() {
  const { t } = useTranslation('upload')
  const { unfinished, resumeError } = useAppShallow((state) => ({
    unfinished: state.unfinishedUploads,
    resumeError: state.resumeError,
  }))
  const { unfinishedUploadsLoaded, uploadResumed, uploadDiscarded } = useAppShallow((state) => ({
    unfinishedUploadsLoaded: state.unfinishedUploadsLoaded,
    uploadResumed: state.uploadResumed,
    uploadDiscarded: state.uploadDiscarded,
  }))
  const uploading = useApp((state) => state.uploadState === 'running' || state.uploadState === 'paused')
  const [confirming, setConfirming] = useState<string | null>(null)

  useEffect(() => {
    void unfinishedUploadsLoaded()
  }, [unfinishedUploadsLoaded])

  if (unfinished.length === 0 && !resumeError) return null
  return (
    <section className="resume-offer" aria-labelledby="resume-heading">
      <h2 id="resume-heading">{t('resume.heading')}</h2>
      {resumeError ? <Alert tone="error">{resumeError}</Alert> : null}
      <ul>
        {unfinished.map((upload) => (
          <li key={upload.id} className="resume-item">
            <p>
              <Trans
                t={t}
                i18nKey="resume.item"
                count={upload.rowCount}
                values={{
                  fileName: upload.fileName,
                  provider: getProvider(upload.providerId).displayName,
                  connection: upload.connectionName,
                  started: formatDateTime(new Date(upload.startedAt)),
                  answered: formatCount(upload.answered),
                }}
                components={{ strong: <strong /> }}
              />
            </p>
            {confirming === upload.id ? (
              <ConfirmSend
                rowsToSend={upload.rowCount - upload.answered}
                rowsSkipped={0}
                providerName={getProvider(upload.providerId).displayName}
                connectionName={upload.connectionName}
                {...(upload.baseUrl === undefined ? {} : { baseUrl: upload.baseUrl })}
                onCancel={() => setConfirming(null)}
                onConfirm={() => {
                  setConfirming(null)
                  void uploadResumed(upload.id)
                }}
              />
            ) : (
              <div className="actions">
                <button
                  type="button"
                  className="button primary"
                  disabled={uploading}
                  onClick={() => (upload.sandbox ? void uploadResumed(upload.id) : setConfirming(upload.id))}
                >
                  {t('resume.resume')}
                </button>
                <button type="button" className="button" onClick={() => void uploadDiscarded(upload.id)}>
                  {t('resume.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
