// The rate limit every sandbox enforces: a budget of requests per fixed window. Kustomer documents
// its own (and its headers); the other providers document none, and their sandboxes still limit so
// that a client which ignores rate limiting is caught. Each sandbox renders a refusal in its
// provider's own format.

export interface RateState {
  limit: number
  remaining: number
  /** Whole seconds until the window resets (rounded up, so waiting that long is always enough). */
  resetSeconds: number
}

export interface RateDecision extends RateState {
  allowed: boolean
  /** For a `Retry-After` header: at least one second. */
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

  /** Counts one request; `allowed` is false when the window's budget is spent (nothing is counted then). */
  take(): RateDecision {
    this.roll()
    const allowed = this.used < this.limit
    if (allowed) this.used++
    const state = this.state()
    return { allowed, ...state, retryAfterSeconds: Math.max(1, state.resetSeconds) }
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
