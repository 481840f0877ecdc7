interface ProgressBarProps {
  label: string
  /** 0..1, or null while the amount of work is unknown. */
  fraction: number | null
  detail: string
}

export function ProgressBar({ label, fraction, detail }: ProgressBarProps) {
  const percent = fraction === null ? undefined : Math.round(Math.min(Math.max(fraction, 0), 1) * 100)
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <div
          className={percent === undefined ? 'progress-fill indeterminate' : 'progress-fill'}
          style={{ width: `${percent ?? 30}%` }}
        />
      </div>
      <p className="progress-detail">{detail}</p>
    </div>
  )
}
