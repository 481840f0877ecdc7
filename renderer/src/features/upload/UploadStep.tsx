import { useState } from 'react'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
import { plural } from '../../lib/format.ts'
import { useAppShallow } from '../../store/index.ts'
import { ResultsTable } from './ResultsTable.tsx'
import { UploadSummary } from './UploadSummary.tsx'
import { DryRunSummary } from './DryRunSummary.tsx'
import { DownloadUnsuccessful } from './DownloadUnsuccessful.tsx'
import { StepActions } from '../../components/StepActions.tsx'
import { ConfirmSend } from './ConfirmSend.tsx'
import { CredentialsRefused } from './CredentialsRefused.tsx'
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
    pauseReason: s.uploadPauseReason,
    dryRun: s.uploadDryRun,
  }))
  const {
    includeChosen,
    uploadStarted,
    dryRunStarted,
    uploadCancelled,
    uploadPaused,
    uploadContinued,
    stepChosen,
    startedOver,
  } = useAppShallow((s) => ({
    includeChosen: s.includeChosen,
    uploadStarted: s.uploadStarted,
    dryRunStarted: s.dryRunStarted,
    uploadCancelled: s.uploadCancelled,
    uploadPaused: s.uploadPaused,
    uploadContinued: s.uploadContinued,
    stepChosen: s.stepChosen,
    startedOver: s.startedOver,
  }))
  const { dataset, providerId, connection, validation, progress, uploadState, totals, dryRun } = state
  const throughput = useThroughputHistory()
  if (!dataset || !providerId || !connection || !validation) return null
  const provider = getProvider(providerId)
  const running = uploadState === 'running' || uploadState === 'paused'
  const finished = uploadState === 'completed' || uploadState === 'failed' || uploadState === 'cancelled'
  const rowsSkipped = state.include === 'valid' ? validation.withErrors : 0
  const rowsToSend = dataset.rowCount - rowsSkipped
  // The Sandbox is a rehearsal; anything else changes a real account, so it gets a last look first.
  const start = () => (connection.kind === 'sandbox' ? void uploadStarted() : setConfirming(true))
  // That last look, from the step itself or from a dry run's results.
  const confirmSend = (
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
  )

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
            confirmSend
          ) : (
            <div className="actions">
              <button type="button" className="button secondary" onClick={() => stepChosen('review')}>
                Back
              </button>
              <button
                type="button"
                className="button secondary"
                aria-describedby="dry-run-hint"
                onClick={() => void dryRunStarted()}
              >
                Dry run
              </button>
              <span id="dry-run-hint" className="muted dry-run-hint">
                Checks every row and request, sends nothing; no confirmation needed
              </span>
              <button type="button" className="button primary" onClick={start}>
                Start upload
              </button>
            </div>
          )}
        </>
      ) : null}
      {running && dryRun ? (
        <p className="dry-run-note">Dry run: every row is built and checked, and nothing is sent.</p>
      ) : null}
      {uploadState === 'paused' && state.pauseReason ? (
        <CredentialsRefused reason={state.pauseReason} provider={provider} connection={connection} />
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
        <Alert tone="error" title={dryRun ? 'The dry run stopped' : 'The upload stopped'}>
          {state.uploadError}
        </Alert>
      ) : null}
      {uploadState === 'cancelled' ? (
        <Alert tone="info">
          {dryRun
            ? 'The dry run was cancelled; nothing was sent. Rows it did not check are listed as skipped.'
            : 'The upload was cancelled. Rows that were not sent are listed as skipped.'}
        </Alert>
      ) : null}
      {finished && totals && dryRun && state.jobId ? (
        <>
          <h2>Dry run — nothing was sent</h2>
          <DryRunSummary jobId={state.jobId} providerName={provider.displayName} />
          <ResultsTable jobId={state.jobId} total={totals.rows} />
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => stepChosen('review')}>
              Back to review
            </button>
            <button type="button" className="button primary" onClick={start}>
              Start the upload
            </button>
          </div>
          {confirming ? confirmSend : null}
        </>
      ) : null}
      {finished && totals && !dryRun ? (
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
