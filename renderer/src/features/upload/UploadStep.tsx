import { useState } from 'react'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { plural } from '../../lib/format.ts'
import { useAppShallow } from '../../store/index.ts'
import { ResultsTable } from './ResultsTable.tsx'
import { UploadSummary } from './UploadSummary.tsx'
import { DownloadUnsuccessful } from './DownloadUnsuccessful.tsx'
import { StepActions } from '../../components/StepActions.tsx'
import { ConfirmSend } from './ConfirmSend.tsx'
import { UploadProgress } from './UploadProgress.tsx'
import { ThroughputChart } from './ThroughputChart.tsx'
import { useThroughputHistory } from './useThroughputHistory.ts'

export function UploadStep() {
  const [confirming, setConfirming] = useState(false)
  const state = useAppShallow((s) => ({
    dataset: s.dataset,
    providerId: s.providerId,
    connection: s.connections.find((candidate) => candidate.id === s.connectionId) ?? null,
    validation: s.validation,
    include: s.include,
    jobId: s.uploadJobId,
    progress: s.uploadProgress,
    uploadState: s.uploadState,
    totals: s.totals,
    uploadError: s.uploadError,
  }))
  const {
    includeChosen,
    uploadStarted,
    uploadCancelled,
    uploadPaused,
    uploadContinued,
    stepChosen,
    startedOver,
  } = useAppShallow((s) => ({
    includeChosen: s.includeChosen,
    uploadStarted: s.uploadStarted,
    uploadCancelled: s.uploadCancelled,
    uploadPaused: s.uploadPaused,
    uploadContinued: s.uploadContinued,
    stepChosen: s.stepChosen,
    startedOver: s.startedOver,
  }))
  const { dataset, providerId, connection, validation, progress, uploadState, totals } = state
  const throughput = useThroughputHistory()
  if (!dataset || !providerId || !connection || !validation) return null
  const provider = getProvider(providerId)
  const running = uploadState === 'running' || uploadState === 'paused'
  const finished = uploadState === 'completed' || uploadState === 'failed' || uploadState === 'cancelled'
  const rowsSkipped = state.include === 'valid' ? validation.withErrors : 0
  const rowsToSend = dataset.rowCount - rowsSkipped
  // The Sandbox is a rehearsal; anything else changes a real account, so it gets a last look first.
  const start = () => (connection.kind === 'sandbox' ? void uploadStarted() : setConfirming(true))

  return (
    <section className="step" aria-labelledby="upload-heading">
      <h1 id="upload-heading">Upload to {provider.displayName}</h1>
      <p>
        {plural(dataset.rowCount, 'row')} from <strong>{dataset.fileName}</strong> to{' '}
        <strong>{connection.name}</strong> (<code>{connection.baseUrl}</code>).
      </p>
      {!running && !finished ? (
        <>
          <fieldset className="include-choice">
            <legend>Rows with errors</legend>
            <label>
              <input
                type="radio"
                name="include"
                checked={state.include === 'valid'}
                onChange={() => includeChosen('valid')}
              />
              Skip rows with errors — {plural(validation.withErrors, 'row')} will be skipped and listed with
              the reason
            </label>
            <label>
              <input
                type="radio"
                name="include"
                checked={state.include === 'all'}
                onChange={() => includeChosen('all')}
              />
              Upload all rows — {provider.displayName} decides on the {plural(validation.withErrors, 'row')}{' '}
              with errors
            </label>
          </fieldset>
          {confirming ? (
            <ConfirmSend
              rowsToSend={rowsToSend}
              rowsSkipped={rowsSkipped}
              providerName={provider.displayName}
              connectionName={connection.name}
              baseUrl={connection.baseUrl}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false)
                void uploadStarted()
              }}
            />
          ) : (
            <StepActions
              onBack={() => stepChosen('review')}
              next={{ label: 'Start upload', onClick: start }}
            />
          )}
        </>
      ) : null}
      {running ? (
        <UploadProgress
          progress={progress}
          paused={uploadState === 'paused'}
          onPause={() => void uploadPaused()}
          onContinue={() => void uploadContinued()}
          onCancel={() => void uploadCancelled()}
        />
      ) : null}
      {running || finished ? <ThroughputChart samples={throughput} /> : null}
      {uploadState === 'failed' && state.uploadError ? (
        <Alert tone="error" title="The upload stopped">
          {state.uploadError}
        </Alert>
      ) : null}
      {uploadState === 'cancelled' ? (
        <Alert tone="info">The upload was cancelled. Rows that were not sent are listed as skipped.</Alert>
      ) : null}
      {finished && totals ? (
        <>
          <h2>Results</h2>
          <UploadSummary totals={totals} rowsInFile={dataset.rowCount} />
          {finished && state.jobId && totals.failed + totals.skipped > 0 ? (
            <DownloadUnsuccessful jobId={state.jobId} count={totals.failed + totals.skipped} />
          ) : null}
          {state.jobId ? <ResultsTable jobId={state.jobId} total={totals.rows} /> : null}
          <StepActions next={{ label: 'Start over', onClick: startedOver }} />
        </>
      ) : null}
    </section>
  )
}
