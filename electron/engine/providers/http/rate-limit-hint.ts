// How long a provider asks Crosswalk to hold off, read from its response headers; null when it does
// not say (the rate governor then finds the reset by probing).
//
// `Retry-After` (seconds or an HTTP date, RFC 9110) wins. Otherwise `x-ratelimit-reset`: Kustomer
// documents the header but not its unit. Crosswalk's convention (and the sandboxes') is whole seconds
// until the window resets; a value that can only be a Unix timestamp (seconds or milliseconds since
// 1970) is read as one, so the real API is handled either way.

const MIN_WAIT_MS = 50
/** Documented windows are at most a minute; anything much longer is a misread header, not a reason to stall. */
const MAX_WAIT_MS = 120_000

export function rateLimitWaitMs(headers: Headers, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter !== undefined && retryAfter !== '') {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return clamp(seconds * 1000)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return clamp(date - now)
  }
  const reset = headers.get('x-ratelimit-reset')?.trim()
  if (reset === undefined || reset === '') return null
  const value = Number(reset)
  if (!Number.isFinite(value) || value < 0) return null
  if (value > 1e12) return clamp(value - now) // epoch milliseconds
  if (value > 1e9) return clamp(value * 1000 - now) // epoch seconds
  return clamp(value * 1000)
}

/** True when the provider says this window's budget is spent (the next request would be refused). */
export function budgetSpent(headers: Headers): boolean {
  return headers.get('x-ratelimit-remaining')?.trim() === '0'
}

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, ms))
}
