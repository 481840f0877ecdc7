// Thulium documents no rate limit [G]. The sandbox still has one, so a client that ignores rate
// limiting is caught: a fixed one-second window, answered with 429 and `Retry-After` (whole
// seconds), the standard HTTP way, since Thulium documents no headers of its own.

export interface RateDecision {
  allowed: boolean
  retryAfterSeconds: number
}

export class FixedWindowRateLimiter {
  private readonly limit: number
  private readonly windowMs: number
  private readonly now: () => number
  private windowStart = -Infinity
  private used = 0

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit
    this.windowMs = windowMs
    this.now = now
  }

  /** Counts one request unless the window's budget is spent. */
  take(): RateDecision {
    const now = this.now()
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now
      this.used = 0
    }
    const allowed = this.used < this.limit
    if (allowed) this.used++
    const remainingMs = this.windowStart + this.windowMs - now
    return { allowed, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) }
  }
}
