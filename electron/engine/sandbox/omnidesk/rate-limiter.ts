// Omnidesk documents no rate limit. The sandbox still has one, so an upload meets a 429 the way it
// would on any busy API: a fixed window of requests, answered with HTTP 429, Omnidesk's error body
// and a standard `Retry-After` header in whole seconds (the conservative choice; no Omnidesk rate
// limit headers are documented, so none are invented).

export class FixedWindow {
  private readonly limit: number
  private readonly windowMs: number
  private windowStart = -Infinity
  private used = 0

  constructor(limit: number, windowMs: number) {
    this.limit = limit
    this.windowMs = windowMs
  }

  /** Counts one request, or returns the whole seconds to wait when the window's budget is spent. */
  take(now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now
      this.used = 0
    }
    if (this.used < this.limit) {
      this.used++
      return { allowed: true }
    }
    const remainingMs = this.windowStart + this.windowMs - now
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) }
  }
}
