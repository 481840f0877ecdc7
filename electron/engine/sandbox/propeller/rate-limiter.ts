// Propeller documents no rate limit [G]. The sandbox still has one, so a client that ignores rate
// limiting is caught: a fixed window answered with 429 and `Retry-After` in whole seconds, the
// standard HTTP way, since Propeller documents no headers of its own.

export class FixedWindowLimiter {
  private readonly limit: number
  private readonly windowMs: number
  private windowStart = -Infinity
  private used = 0

  constructor(limit: number, windowMs: number) {
    this.limit = limit
    this.windowMs = windowMs
  }

  /** Counts one request; null when allowed, otherwise the seconds to wait. */
  take(now = Date.now()): number | null {
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now
      this.used = 0
    }
    if (this.used < this.limit) {
      this.used++
      return null
    }
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000))
  }
}
