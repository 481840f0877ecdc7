// Kustomer's org-wide budget: a number of requests per fixed 60-second window, reported on every
// response in `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset`.
//
// Kustomer does not document the unit of `x-ratelimit-reset`. The sandbox sends the number of whole
// seconds until the window resets (rounded up, so waiting that long is always enough); the Kustomer
// transport reads the same convention, and also an epoch timestamp in case the real API sends one.

export interface RateState {
  limit: number
  remaining: number
  resetSeconds: number
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

  /** Counts one request; `allowed` is false when the window's budget is spent (nothing is counted then). */
  take(): RateState & { allowed: boolean } {
    this.roll()
    const allowed = this.used < this.limit
    if (allowed) this.used++
    return { allowed, ...this.state() }
  }

  /** The current state without counting a request (for responses to requests that are not counted). */
  state(): RateState {
    this.roll()
    const remainingMs = Math.max(0, this.windowStart + this.windowMs - this.now())
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetSeconds: Number.isFinite(remainingMs) ? Math.ceil(remainingMs / 1000) : 0,
    }
  }

  private roll(): void {
    const now = this.now()
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now
      this.used = 0
    }
  }
}

export function rateHeaders(state: RateState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.resetSeconds),
  }
}
