import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { getProvider } from '#shared/providers/registry.ts'
import { Alert } from '../../components/Alert.tsx'
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
import { connectionName } from '../../lib/connection-name.ts'

export function UploadStep() {
  const { t } = useTranslation('upload')
  // Which send waits for its last look: the upload, or sending again the rows that did not go through.
  const [confirming, setConfirming] = useState<'upload' | 'retry' | null>(null)
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
    uploadRetried,
    dryRunStarted,
    uploadCancelled,
    uploadPaused,
    uploadContinued,
    stepChosen,
    startedOver,
  } = useAppShallow((s) => ({
    includeChosen: s.includeChosen,
    uploadStarted: s.uploadStarted,
    uploadRetried: s.uploadRetried,
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
  const sandbox = connection.kind === 'sandbox'
  const start = () => (sandbox ? void uploadStarted() : setConfirming('upload'))
  const unsuccessful = totals ? totals.failed + totals.skipped : 0
  const sendAgain = () => (sandbox ? void uploadRetried() : setConfirming('retry'))
  // That last look, from the step itself, a dry run's results, or the rows to send again.
  const confirmSend = (
    <ConfirmSend
      rowsToSend={confirming === 'retry' ? unsuccessful : rowsToSend}
      rowsSkipped={confirming === 'retry' ? 0 : rowsSkipped}
      providerName={provider.displayName}
      connectionName={connectionName(connection)}
      baseUrl={connection.baseUrl}
      onCancel={() => setConfirming(null)}
      onConfirm={() => {
        setConfirming(null)
        void (confirming === 'retry' ? uploadRetried() : uploadStarted())
      }}
    />
  )

  return (
    <section className="step" aria-labelledby="upload-heading">
      <h1 id="upload-heading">{t('step.title', { provider: provider.displayName })}</h1>
      <p>
        <Trans
          t={t}
          i18nKey="step.intro"
          count={dataset.rowCount}
          values={{
            fileName: dataset.fileName,
            connection: connectionName(connection),
            baseUrl: connection.baseUrl,
          }}
          components={{ strong: <strong />, code: <code /> }}
        />
      </p>
      {!running && !finished ? (
        <>
          <fieldset className="include-choice">
            <legend>{t('step.rowsWithErrors')}</legend>
            <label>
              <input
                type="radio"
                name="include"
                checked={state.include === 'valid'}
                onChange={() => includeChosen('valid')}
              />
              {t('step.skipErrors', { count: validation.withErrors })}
            </label>
            <label>
              <input
                type="radio"
                name="include"
                checked={state.include === 'all'}
                onChange={() => includeChosen('all')}
              />
              {t('step.uploadAll', { count: validation.withErrors, provider: provider.displayName })}
            </label>
          </fieldset>
          {confirming === 'upload' ? (
            confirmSend
          ) : (
            <div className="actions">
              <button type="button" className="button secondary" onClick={() => stepChosen('review')}>
                {t('step.back')}
              </button>
              <button
                type="button"
                className="button secondary"
                aria-describedby="dry-run-hint"
                onClick={() => void dryRunStarted()}
              >
                {t('step.dryRun')}
              </button>
              <span id="dry-run-hint" className="muted dry-run-hint">
                {t('step.dryRunHint')}
              </span>
              <button type="button" className="button primary" onClick={start}>
                {t('step.start')}
              </button>
            </div>
          )}
        </>
      ) : null}
      {running && dryRun ? <p className="dry-run-note">{t('step.dryRunRunning')}</p> : null}
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
        <Alert tone="error" title={dryRun ? t('step.dryRunStopped') : t('step.uploadStopped')}>
          {state.uploadError}
        </Alert>
      ) : null}
      {uploadState === 'cancelled' ? (
        <Alert tone="info">{dryRun ? t('step.dryRunCancelled') : t('step.uploadCancelled')}</Alert>
      ) : null}
      {finished && totals && dryRun && state.jobId ? (
        <>
          <h2>{t('step.dryRunHeading')}</h2>
          <DryRunSummary jobId={state.jobId} providerName={provider.displayName} />
          <ResultsTable jobId={state.jobId} total={totals.rows} />
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => stepChosen('review')}>
              {t('step.backToReview')}
            </button>
            <button type="button" className="button primary" onClick={start}>
              {t('step.startAfterDryRun')}
            </button>
          </div>
          {confirming === 'upload' ? confirmSend : null}
        </>
      ) : null}
      {finished && totals && !dryRun ? (
        <>
          <h2>{t('step.resultsHeading')}</h2>
          <UploadSummary totals={totals} rowsInFile={dataset.rowCount} />
          {finished && state.jobId && unsuccessful > 0 ? (
            <DownloadUnsuccessful jobId={state.jobId} count={unsuccessful} onSendAgain={sendAgain} />
          ) : null}
          {confirming === 'retry' ? confirmSend : null}
          {state.jobId ? <ResultsTable jobId={state.jobId} total={totals.rows} /> : null}
          <StepActions next={{ label: t('step.startOver'), onClick: startedOver }} />
        </>
      ) : null}
    </section>
  )
}
