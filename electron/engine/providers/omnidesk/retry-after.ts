// `Retry-After` in seconds or as an HTTP date → milliseconds to wait, kept within sensible bounds;
// null when the header is missing or unreadable (the caller then backs off on its own).

const MIN_WAIT_MS = 50
const MAX_WAIT_MS = 120_000

export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const header = headers.get('retry-after')?.trim()
  if (header === undefined || header === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return clamp(seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : clamp(date - now)
}

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, ms))
}
