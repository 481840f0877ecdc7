import { Alert } from '../../components/Alert.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { delimiterName, formatBytes, formatCount, formatDuration, plural } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import { DropZone } from './DropZone.tsx'
import { PreviewTable } from './PreviewTable.tsx'
import { ReadOptionsForm } from './ReadOptionsForm.tsx'
import { StepActions } from '../../components/StepActions.tsx'
import { ResumeOffer } from '../upload/ResumeOffer.tsx'
import { UploadHistory } from '../upload/UploadHistory.tsx'

export function FileStep() {
  const { file, dataset, progress, fileError, reading } = useAppShallow((state) => ({
    file: state.file,
    dataset: state.dataset,
    progress: state.ingestProgress,
    fileError: state.fileError,
    reading: state.ingestJobId !== null,
  }))
  const fileDropped = useApp((state) => state.fileDropped)
  const sampleOpened = useApp((state) => state.sampleOpened)
  const ingestCancelled = useApp((state) => state.ingestCancelled)
  const stepChosen = useApp((state) => state.stepChosen)

  return (
    <section className="step" aria-labelledby="file-heading">
      <h1 id="file-heading">Choose the customer file</h1>
      <ResumeOffer />
      {!dataset && !reading ? (
        <ol className="intro">
          <li>
            <strong>File</strong> — drop the spreadsheet your CRM, shop or Excel exported.
          </li>
          <li>
            <strong>Provider</strong> — pick the platform and where to send the data (try the Sandbox first).
          </li>
          <li>
            <strong>Map</strong> — check how your columns match the platform’s fields.
          </li>
          <li>
            <strong>Review and upload</strong> — fix or skip rows the platform would refuse, then upload and
            see what happened to every row.
          </li>
        </ol>
      ) : null}
      <DropZone onFile={(dropped) => void fileDropped(dropped)} disabled={reading} />
      {!dataset && !reading ? (
        <p className="sample-offer">
          No file at hand?{' '}
          <button type="button" className="link-button" onClick={() => void sampleOpened()}>
            Try a sample file
          </button>{' '}
          — 50 made-up customers, two of them with mistakes to fix, ready for the Sandbox.
        </p>
      ) : null}
      {fileError ? (
        <Alert tone="error" title="This file could not be read">
          {fileError}
        </Alert>
      ) : null}
      {reading ? (
        <div className="reading">
          <ProgressBar
            label={`Reading ${file?.name ?? 'the file'}`}
            fraction={progress?.total ? progress.done / progress.total : null}
            detail={
              progress?.total
                ? `Reading ${file?.name ?? ''}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}${progress.rowsSoFar ? ` · ${plural(progress.rowsSoFar, 'row')} so far` : ''}${progress.etaSeconds !== null ? ` · about ${formatDuration(progress.etaSeconds)} left` : ''}`
                : `Reading ${file?.name ?? 'the file'}…`
            }
          />
          <button type="button" className="button secondary" onClick={() => void ingestCancelled()}>
            Cancel
          </button>
        </div>
      ) : null}
      {dataset && !reading ? (
        <>
          <h2>What Crosswalk found</h2>
          <dl className="facts">
            <div>
              <dt>File</dt>
              <dd>{dataset.fileName}</dd>
            </div>
            <div>
              <dt>Rows</dt>
              <dd>{plural(dataset.rowCount, 'row')}</dd>
            </div>
            <div>
              <dt>Columns</dt>
              <dd>{formatCount(dataset.headers.length)}</dd>
            </div>
            <div>
              <dt>Format</dt>
              <dd>{dataset.format === 'xlsx' ? 'Excel workbook' : 'CSV text'}</dd>
            </div>
            {dataset.format === 'xlsx' ? (
              <div>
                <dt>Sheet</dt>
                <dd>{dataset.sheet}</dd>
              </div>
            ) : (
              <>
                <div>
                  <dt>Delimiter</dt>
                  <dd>{delimiterName(dataset.delimiter)}</dd>
                </div>
                <div>
                  <dt>Encoding</dt>
                  <dd>{dataset.encoding}</dd>
                </div>
              </>
            )}
            <div>
              <dt>Header</dt>
              <dd>row {dataset.headerRow}</dd>
            </div>
          </dl>
          {dataset.notices.length > 0 ? (
            <Alert tone="warning" title="Please check">
              <ul className="notices">
                {dataset.notices.map((notice) => (
                  <li key={notice}>{notice}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {file ? (
            <details className="read-as">
              <summary>Read the file differently</summary>
              <ReadOptionsForm
                dataset={dataset}
                disabled={reading}
                onReread={(options) => void fileDropped(file, options)}
              />
            </details>
          ) : null}
          <h2>Preview</h2>
          <PreviewTable dataset={dataset} />
          <StepActions
            next={{
              label: 'Continue',
              disabled: dataset.rowCount === 0,
              onClick: () => stepChosen('provider'),
            }}
          />
        </>
      ) : null}
      {!dataset && !reading ? <UploadHistory /> : null}
    </section>
  )
}
