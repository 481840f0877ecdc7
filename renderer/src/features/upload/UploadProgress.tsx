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

function detailOf(progress: Progress | null, paused: boolean): string {
  if (!progress?.total) return paused ? 'Paused before the first rows were sent.' : 'Starting the upload…'
  const done = `${formatCount(progress.done)} of ${formatCount(progress.total)} rows`
  if (paused) return `Paused at ${done}. Requests already on their way finish; nothing new is sent.`
  const left = progress.etaSeconds !== null ? ` · about ${formatDuration(progress.etaSeconds)} left` : ''
  return `${done} · ${formatCount(progress.ratePerSecond)} rows/s${left}`
}

/** A running (or paused) upload: how far it is, and Pause/Continue and Cancel. */
export function UploadProgress({ progress, paused, onPause, onContinue, onCancel }: UploadProgressProps) {
  return (
    <div className="reading">
      <ProgressBar
        label="Upload progress"
        fraction={progress?.total ? progress.done / progress.total : null}
        detail={detailOf(progress, paused)}
      />
      <div className="confirm-actions">
        {paused ? (
          <button type="button" className="button primary" onClick={onContinue}>
            Continue
          </button>
        ) : (
          <button type="button" className="button secondary" onClick={onPause}>
            Pause
          </button>
        )}
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
