import { useEffect } from 'react'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { formatCount } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * Uploads that stopped before every row had its answer (Crosswalk or the computer was shut down):
 * offered for resuming, which sends only the rows without an answer.
 */
export function ResumeOffer() {
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

  useEffect(() => {
    void unfinishedUploadsLoaded()
  }, [unfinishedUploadsLoaded])

  if (unfinished.length === 0 && !resumeError) return null
  return (
    <section className="resume-offer" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Unfinished uploads</h2>
      {resumeError ? <Alert tone="error">{resumeError}</Alert> : null}
      <ul>
        {unfinished.map((upload) => (
          <li key={upload.id} className="resume-item">
            <p>
              <strong>{upload.fileName}</strong> to {getProvider(upload.providerId).displayName} (
              {upload.connectionName}), started {WHEN.format(new Date(upload.startedAt))}, stopped with{' '}
              {formatCount(upload.answered)} of {formatCount(upload.rowCount)} rows done. Resuming sends only
              the rest; nothing is sent twice.
            </p>
            <div className="actions">
              <button
                type="button"
                className="button primary"
                disabled={uploading}
                onClick={() => void uploadResumed(upload.id)}
              >
                Resume upload
              </button>
              <button type="button" className="button" onClick={() => void uploadDiscarded(upload.id)}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
