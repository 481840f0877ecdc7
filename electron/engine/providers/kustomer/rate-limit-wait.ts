// How long to hold off after Kustomer says the rate limit is spent.
//
// Kustomer documents `x-ratelimit-reset` but not its unit. Crosswalk's convention (and the sandbox's)
// is whole seconds until the window resets. A value that can only be a Unix timestamp (seconds or
// milliseconds since 1970) is read as one, so the real API is handled either way. `Retry-After`
// (seconds or an HTTP date), when present, wins.

const MIN_WAIT_MS = 50
/** Kustomer's window is 60 s; anything longer is a misread header, not a reason to stall an upload. */
const MAX_WAIT_MS = 65_000

export function rateLimitWaitMs(headers: Headers, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after')
  if (retryAfter !== null) {
    const seconds = Number(retryAfter)
    if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return clamp(seconds * 1000)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return clamp(date - now)
  }
  const reset = headers.get('x-ratelimit-reset')
  if (reset === null || reset.trim() === '') return null
  const value = Number(reset)
  if (!Number.isFinite(value) || value < 0) return null
  if (value > 1e12) return clamp(value - now) // epoch milliseconds
  if (value > 1e9) return clamp(value * 1000 - now) // epoch seconds
  return clamp(value * 1000)
}

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, ms))
}
