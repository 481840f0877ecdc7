import type { RateState } from '../fixed-window-rate-limiter.ts'

// Kustomer's org-wide budget: a number of requests per fixed 60-second window, reported on every
// response in `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset`.
//
// Kustomer does not document the unit of `x-ratelimit-reset`. The sandbox sends the number of whole
// seconds until the window resets (rounded up, so waiting that long is always enough); the Kustomer
// transport reads the same convention, and also an epoch timestamp in case the real API sends one.

export function rateHeaders(state: RateState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.resetSeconds),
  }
}
