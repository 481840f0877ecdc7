import { formatCount, formatDuration } from '../../lib/format.ts'
import { throughputBars, type ProgressSample } from './throughput.ts'

const WIDTH = 600
const HEIGHT = 80

/**
 * Rows per second over the upload so far, as bars: a steady upload is an even band, a provider slowing
 * it down (rate limits, retries) or a pause shows as a dip. The numbers are also in the caption, so
 * the chart is never the only way to read them.
 */
export function ThroughputChart({ samples }: { samples: readonly ProgressSample[] }) {
  const bars = throughputBars(samples)
  if (bars.length === 0) return null
  const peak = Math.max(...bars.map((bar) => bar.rowsPerSecond), 1)
  const last = bars[bars.length - 1]!.rowsPerSecond
  const seconds = samples[samples.length - 1]!.at / 1000
  const average = samples[samples.length - 1]!.done / Math.max(seconds, 0.001)
  const width = WIDTH / bars.length
  const caption = `${formatCount(Math.round(average))} rows/s on average over ${formatDuration(Math.max(1, Math.round(seconds)))}, peak ${formatCount(Math.round(peak))} rows/s, latest ${formatCount(Math.round(last))} rows/s`
  return (
    <figure className="throughput">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Throughput: ${caption}`}
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
              <title>{`${formatCount(Math.round(bar.rowsPerSecond))} rows/s at ${Math.round(bar.from)} s`}</title>
            </rect>
          )
        })}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
