// Rows per second over the course of an upload, from the progress the engine reports (how many rows
// are done at a moment). Pure, so the chart and its tests share one definition.

export interface ProgressSample {
  /** ms since the upload started */
  at: number
  done: number
}

export interface ThroughputBar {
  /** seconds since the upload started, at the bar's start */
  from: number
  rowsPerSecond: number
}

/** At most this many bars: the bar width grows with the upload instead of the chart. */
export const MAX_BARS = 60
const MIN_BAR_MS = 1_000

/**
 * Splits the upload into equal periods and gives each the rate at which rows were done in it, spreading
 * rows reported between two samples evenly over the time between them (a pause shows as zero).
 */
export function throughputBars(samples: readonly ProgressSample[]): ThroughputBar[] {
  if (samples.length < 2) return []
  const end = samples[samples.length - 1]!.at
  const barMs = Math.max(MIN_BAR_MS, Math.ceil(end / MAX_BARS))
  const rows = new Array<number>(Math.max(1, Math.ceil(end / barMs))).fill(0)
  for (let i = 1; i < samples.length; i++) {
    const from = samples[i - 1]!
    const to = samples[i]!
    const added = to.done - from.done
    if (added <= 0 || to.at <= from.at) continue
    const perMs = added / (to.at - from.at)
    for (let bar = Math.floor(from.at / barMs); bar * barMs < to.at && bar < rows.length; bar++) {
      const overlap = Math.min(to.at, (bar + 1) * barMs) - Math.max(from.at, bar * barMs)
      if (overlap > 0) rows[bar]! += perMs * overlap
    }
  }
  return rows.map((count, bar) => {
    // The last period may not be over yet: its rate is over the part that has passed.
    const ms = Math.min(barMs, end - bar * barMs)
    return { from: (bar * barMs) / 1000, rowsPerSecond: ms > 0 ? count / (ms / 1000) : 0 }
  })
}
