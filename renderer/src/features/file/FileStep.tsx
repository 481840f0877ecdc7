import { Trans, useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { delimiterName, formatCount } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import { DropZone } from './DropZone.tsx'
import { encodingDescription, readingDetail } from './reading-text.ts'
import { PreviewTable } from './PreviewTable.tsx'
import { ReadOptionsForm } from './ReadOptionsForm.tsx'
import { StepActions } from '../../components/StepActions.tsx'
import { ResumeOffer } from '../upload/ResumeOffer.tsx'
import { UploadHistory } from '../upload/UploadHistory.tsx'

/** The four steps, said once before the first file: a person new to Crosswalk sees where this goes. */
const INTRO_KEYS = ['intro.file', 'intro.provider', 'intro.map', 'intro.review'] as const

export function FileStep() {
  const { t } = useTranslation(['file', 'common'])
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
      <h1 id="file-heading">{t('heading')}</h1>
      <ResumeOffer />
      {!dataset && !reading ? (
        <ol className="intro">
          {INTRO_KEYS.map((key) => (
            <li key={key}>
              <Trans t={t} i18nKey={key} components={{ strong: <strong /> }} />
            </li>
          ))}
        </ol>
      ) : null}
      <DropZone onFile={(dropped) => void fileDropped(dropped)} disabled={reading} />
      {!dataset && !reading ? (
        <p className="sample-offer">
          <Trans
            t={t}
            i18nKey="sampleOffer"
            components={{
              sample: <button type="button" className="link-button" onClick={() => void sampleOpened()} />,
            }}
          />
        </p>
      ) : null}
      {fileError ? (
        <Alert tone="error" title={t('readError')}>
          {fileError}
        </Alert>
      ) : null}
      {reading ? (
        <div className="reading">
          <ProgressBar
            label={file ? t('reading.label', { name: file.name }) : t('reading.labelNoName')}
            fraction={progress?.total ? progress.done / progress.total : null}
            detail={readingDetail(file?.name ?? null, progress)}
          />
          <button type="button" className="button secondary" onClick={() => void ingestCancelled()}>
            {t('common:actions.cancel')}
          </button>
        </div>
      ) : null}
      {dataset && !reading ? (
        <>
          <h2>{t('found.heading')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('found.file')}</dt>
              <dd>{dataset.fileName}</dd>
            </div>
            <div>
              <dt>{t('found.rows')}</dt>
              <dd>{t('found.rowCount', { count: dataset.rowCount })}</dd>
            </div>
            <div>
              <dt>{t('found.columns')}</dt>
              <dd>{formatCount(dataset.headers.length)}</dd>
            </div>
            <div>
              <dt>{t('found.format')}</dt>
              <dd>{dataset.format === 'xlsx' ? t('found.excel') : t('found.csv')}</dd>
            </div>
            {dataset.format === 'xlsx' ? (
              <div>
                <dt>{t('found.sheet')}</dt>
                <dd>{dataset.sheet}</dd>
              </div>
            ) : (
              <>
                <div>
                  <dt>{t('found.delimiter')}</dt>
                  <dd>{delimiterName(dataset.delimiter)}</dd>
                </div>
                <div>
                  <dt>{t('found.encoding')}</dt>
                  <dd>{encodingDescription(dataset)}</dd>
                </div>
              </>
            )}
            <div>
              <dt>{t('found.header')}</dt>
              <dd>{t('found.headerRow', { row: dataset.headerRow })}</dd>
            </div>
          </dl>
          {dataset.notices.length > 0 ? (
            <Alert tone="warning" title={t('notices')}>
              <ul className="notices">
                {dataset.notices.map((notice) => (
                  <li key={notice}>{notice}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {file ? (
            <details className="read-as">
              <summary>{t('readAs')}</summary>
              <ReadOptionsForm
                dataset={dataset}
                disabled={reading}
                onReread={(options) => void fileDropped(file, options)}
              />
            </details>
          ) : null}
          <h2>{t('preview.heading')}</h2>
          <PreviewTable dataset={dataset} />
          <StepActions
            next={{
              label: t('common:actions.continue'),
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
