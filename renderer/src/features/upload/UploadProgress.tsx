import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Progress } from '../../store/types.ts'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { formatCount, formatDuration } from '../../lib/format.ts'

interface UploadProgressProps {
  progress: Progress | null
  paused: boolean
  onPause(): void
  onContinue(): void
  onCancel(): void
}

function detailOf(t: TFunction<'upload'>, progress: Progress | null, paused: boolean): string {
  if (!progress?.total) return paused ? t('progress.pausedBeforeStart') : t('progress.starting')
  const done = t('progress.done', { count: progress.total, done: formatCount(progress.done) })
  if (paused) return t('progress.paused', { progress: done })
  const rate = formatCount(progress.ratePerSecond)
  if (progress.etaSeconds === null) return t('progress.running', { progress: done, rate })
  return t('progress.runningWithEta', { progress: done, rate, eta: formatDuration(progress.etaSeconds) })
}

/** A running (or paused) upload: how far it is, and Pause/Continue and Cancel. */
export function UploadProgress({ progress, paused, onPause, onContinue, onCancel }: UploadProgressProps) {
  const { t } = useTranslation('upload')
  return (
    <div className="reading">
      <ProgressBar
        label={t('progress.label')}
        fraction={progress?.total ? progress.done / progress.total : null}
        detail={detailOf(t, progress, paused)}
      />
      <div className="confirm-actions">
        {paused ? (
          <button type="button" className="button primary" onClick={onContinue}>
            {t('progress.continue')}
          </button>
        ) : (
          <button type="button" className="button secondary" onClick={onPause}>
            {t('progress.pause')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('progress.cancel')}
        </button>
      </div>
    </div>
  )
}
