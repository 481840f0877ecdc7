import { useTranslation } from 'react-i18next'
import { formatCount, formatDuration } from '../../lib/format.ts'
import { throughputBars, type ProgressSample } from './throughput.ts'

const WIDTH = 600
const HEIGHT = 80
const MIN_SPAN_MS = 3_000

/**
 * Rows per second over the upload so far, as bars: a steady upload is an even band, a provider slowing
 * it down (rate limits, retries) or a pause shows as a dip. The numbers are also in the caption, so
 * the chart is never the only way to read them.
 */
export function ThroughputChart({ samples }: { samples: readonly ProgressSample[] }) {
  const { t } = useTranslation('upload')
  const bars = throughputBars(samples)
  const first = samples[0]
  const last = samples[samples.length - 1]
  // A few seconds at least: bars of a sub-second upload would say nothing true.
  if (first === undefined || last === undefined || last.at - first.at < MIN_SPAN_MS) return null
  const peak = Math.max(...bars.map((bar) => bar.rowsPerSecond), 1)
  const latest = bars[bars.length - 1]!.rowsPerSecond
  const seconds = (last.at - first.at) / 1000
  // Rows done before the first report (or before a resume) are not part of this run's rate.
  const average = (last.done - first.done) / seconds
  const width = WIDTH / bars.length
  const caption = t('throughput.caption', {
    average: formatCount(average),
    duration: formatDuration(seconds),
    peak: formatCount(peak),
    latest: formatCount(latest),
  })
  return (
    <figure className="throughput">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('throughput.label', { caption })}
      >
        {bars.map((bar, index) => {
          const height = (bar.rowsPerSecond / peak) * (HEIGHT - 2)
          return (
            <rect
              key={index}
              x={index * width}
              y={HEIGHT - height}
              width={Math.max(1, width - 1)}
              height={height}
            >
              <title>
                {t('throughput.bar', {
                  rate: formatCount(bar.rowsPerSecond),
                  second: formatCount(bar.from),
                })}
              </title>
            </rect>
          )
        })}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
