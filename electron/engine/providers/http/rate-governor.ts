import { AppError } from '#shared/errors.ts'
import type { TransportContext } from '../types.ts'
import { budgetSpent, rateLimitWaitMs } from './rate-limit-hint.ts'

// One upload's pace towards one provider, shared by every request of that upload (lookups, writes
// and polls alike), so the provider's rate limit is spent steadily instead of in 429 storms:
//
// - A 429, or a response saying the budget is spent (`x-ratelimit-remaining: 0`), holds *every*
//   request until the provider's reset (`Retry-After`, `x-ratelimit-reset`). A 429 was not processed,
//   so the refused request is simply sent again.
// - After a hold, one request goes alone, as a probe: if the limit has not reset yet, only it is
//   refused, not every request that was waiting.
// - Most providers say nothing about their limit (Capillary, Propeller, Thulium and Omnidesk document
//   no headers). Then the governor finds the reset by probing, learns how long the provider's window
//   is from when probes fail and succeed, and from the next window on holds until about the learned
//   reset instead of probing from scratch: typically one refusal per window, and the limit used to
//   within a fraction of a second of what it allows.

/** First wait after an unexplained 429: short, because the reset may be near. */
const FIRST_PROBE_MS = 500
/** Probes double up to this, so a long window costs few refusals and a reset is missed by little. */
const MAX_PROBE_MS = 2_000
/** When the learned reset is known this closely, probe right at its late end. */
const CLOSE_ENOUGH_MS = 100
/** Probes refused in a row before the upload stops: minutes of a provider refusing everything. */
const MAX_REFUSED_PROBES = 60

type Admission = 'free' | 'probe'

/** A signal that never aborts, for waits that must not be cut short by cancelling. */
const NEVER = new AbortController().signal

export class RateGovernor {
  private readonly exhaustedMessage: () => string
  private readonly now: () => number
  /** No request before this time (ms since epoch). */
  private holdUntil = 0
  /** After a hold the next request goes alone; the others wait for its answer. */
  private probeNext = false
  private probeInFlight: { sentAt: number; answered: Promise<void>; answer(): void } | null = null
  private refusedProbes = 0
  private nextProbeMs = FIRST_PROBE_MS
  /** When the provider's current window opened, as far as Crosswalk can tell (null: unknown). */
  private windowOpenedAt: number | null = null
  /** What the probes taught about the window's length: it is more than `shortest`, at most `longest`. */
  private shortest = 0
  private longest = Infinity

  /**
   * `exhaustedMessage` is shown when the provider keeps refusing for minutes: name it and what to do.
   * A function, so the sentence is made when it is shown, in the language chosen by then.
   */
  constructor(exhaustedMessage: string | (() => string), now: () => number = Date.now) {
    this.exhaustedMessage = typeof exhaustedMessage === 'string' ? () => exhaustedMessage : exhaustedMessage
    this.now = now
  }

  /**
   * Sends through `sendOnce` when the pace allows, resending after 429s, and returns the first
   * response that is not a 429. Null when `untilCancelled` is set and the job was cancelled before
   * the request was sent; without it the waits ignore cancellation (for requests that must finish,
   * such as following a write that was already accepted).
   */
  async send(
    ctx: TransportContext,
    untilCancelled: boolean,
    sendOnce: () => Promise<Response>,
  ): Promise<Response | null> {
    for (;;) {
      const admission = await this.admit(ctx, untilCancelled ? ctx.signal : NEVER)
      if (admission === null) return null
      const sentAt = this.now()
      if (this.windowOpenedAt === null) this.windowOpenedAt = sentAt
      let response: Response
      try {
        response = await sendOnce()
      } catch (error) {
        if (admission === 'probe') this.endProbe()
        throw error
      }
      if (response.status !== 429) {
        if (admission === 'probe') this.probeSucceeded(sentAt)
        this.noteBudget(response.headers)
        return response
      }
      await response.body?.cancel()
      this.refused(response.headers, admission === 'probe' ? sentAt : null)
    }
  }

  /** Waits for the hold and any probe; null when cancelled. The caller sends right after. */
  private async admit(ctx: TransportContext, signal: AbortSignal): Promise<Admission | null> {
    for (;;) {
      if (signal.aborted) return null
      const wait = this.holdUntil - this.now()
      if (wait > 0) {
        const until = this.holdUntil
        await ctx.sleep(wait, signal)
        // Re-check only if someone extended the hold meanwhile (a test's sleep may not pass time).
        if (this.holdUntil > until) continue
      }
      if (signal.aborted) return null
      if (this.probeInFlight !== null) {
        await this.probeInFlight.answered
        continue
      }
      if (!this.probeNext) return 'free'
      this.probeNext = false
      let answer = () => {}
      const answered = new Promise<void>((resolve) => (answer = resolve))
      this.probeInFlight = { sentAt: this.now(), answered, answer }
      return 'probe'
    }
  }

  private refused(headers: Headers, probeSentAt: number | null): void {
    const now = this.now()
    const hint = rateLimitWaitMs(headers, now)
    if (probeSentAt !== null) {
      this.endProbe()
      if (++this.refusedProbes >= MAX_REFUSED_PROBES) {
        throw new AppError('PROVIDER_UNAVAILABLE', this.exhaustedMessage())
      }
      // Still the same window: it is longer than this probe's age.
      if (this.windowOpenedAt !== null)
        this.shortest = Math.max(this.shortest, probeSentAt - this.windowOpenedAt)
      if (this.shortest >= this.longest) this.longest = Infinity // the window changed: learn it again
    } else if (this.probeNext || this.probeInFlight !== null || this.holdUntil > now) {
      return // sent before the hold began: the hold already covers it
    }
    this.probeNext = true
    this.holdUntil = Math.max(this.holdUntil, now + (hint ?? this.guessWait(now, probeSentAt !== null)))
  }

  /** How long to hold when the provider does not say: until about the learned reset, else back off. */
  private guessWait(now: number, afterProbe: boolean): number {
    if (this.windowOpenedAt !== null && Number.isFinite(this.longest)) {
      const gap = this.longest - this.shortest
      const age = gap <= CLOSE_ENOUGH_MS ? this.longest : this.shortest + gap / 2
      const wait = this.windowOpenedAt + age - now
      if (wait > 0) return wait
    }
    const wait = afterProbe ? this.nextProbeMs : FIRST_PROBE_MS
    this.nextProbeMs = Math.min(wait * 2, MAX_PROBE_MS)
    return wait
  }

  private probeSucceeded(sentAt: number): void {
    this.endProbe()
    this.refusedProbes = 0
    this.nextProbeMs = FIRST_PROBE_MS
    // The old window has reset by now: it is at most this long. A new one opens with this request.
    if (this.windowOpenedAt !== null) this.longest = Math.min(this.longest, sentAt - this.windowOpenedAt)
    if (this.longest <= this.shortest) this.shortest = 0
    this.windowOpenedAt = sentAt
  }

  /** A provider that counts down its budget (Kustomer) is obeyed before it has to refuse anything. */
  private noteBudget(headers: Headers): void {
    if (!budgetSpent(headers)) return
    const now = this.now()
    const wait = rateLimitWaitMs(headers, now)
    if (wait === null) return
    this.holdUntil = Math.max(this.holdUntil, now + wait)
    this.probeNext = true
  }

  private endProbe(): void {
    this.probeInFlight?.answer()
    this.probeInFlight = null
  }
}
