import type { JobEvent } from '#shared/jobs.ts'

const WIDTH = 24

/** "[#########---------------]  38%  380/1,000 rows · 120 rows/s · about 5 s left" */
export function progressLine(event: Extract<JobEvent, { type: 'progress' }>): string {
  const fraction = event.total ? Math.min(event.done / event.total, 1) : 0
  const filled = Math.round(fraction * WIDTH)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`
  const count = `${event.done.toLocaleString('en-US')}${event.total === null ? '' : `/${event.total.toLocaleString('en-US')}`} ${event.unit}`
  const rate = `${Math.round(event.ratePerSecond).toLocaleString('en-US')} ${event.unit}/s`
  const eta = event.etaSeconds === null ? '' : ` · about ${Math.ceil(event.etaSeconds)} s left`
  return `${bar} ${String(Math.round(fraction * 100)).padStart(3)}%  ${count} · ${rate}${eta}`
}
