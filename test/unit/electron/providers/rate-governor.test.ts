import { describe, expect, it } from 'vitest'
import { RateGovernor } from '../../../../electron/engine/providers/http/rate-governor.ts'
import type { TransportContext } from '../../../../electron/engine/providers/types.ts'

// The rate governor against simulated providers on a virtual clock: waits advance the clock instead
// of taking time, so each test is exact and fast, and a run's duration is a number to compare with
// the fastest the provider's limit allows.

class VirtualClock {
  now = 0
  private timers: { at: number; resolve(): void }[] = []

  sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve()
      this.timers.push({ at: this.now + ms, resolve })
      signal.addEventListener('abort', () => resolve(), { once: true })
    })

  /** Runs `work` to the end, moving the clock to the next timer whenever nothing else can happen. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false
    const result = work.finally(() => (done = true))
    while (!done) {
      for (let i = 0; i < 20; i++) await Promise.resolve()
      if (done) break
      this.timers.sort((a, b) => a.at - b.at)
      const next = this.timers.shift()
      if (next === undefined) continue
      this.now = Math.max(this.now, next.at)
      next.resolve()
    }
    return result
  }
}

function contextOn(clock: VirtualClock, signal = new AbortController().signal): TransportContext {
  return { signal, fetch: globalThis.fetch, sleep: clock.sleep }
}

/** A provider allowing `limit` requests per fixed window that opens with the first request after a reset. */
function fixedWindowProvider(clock: VirtualClock, limit: number, windowMs: number, retryAfter = false) {
  let windowStart = -Infinity
  let used = 0
  const log = { accepted: 0, refused: 0 }
  const send = async (): Promise<Response> => {
    if (clock.now >= windowStart + windowMs) {
      windowStart = clock.now
      used = 0
    }
    if (used >= limit) {
      log.refused++
      const seconds = Math.ceil((windowStart + windowMs - clock.now) / 1000)
      return new Response(null, {
        status: 429,
        headers: retryAfter ? { 'retry-after': String(seconds) } : {},
      })
    }
    used++
    log.accepted++
    return new Response('{}', { status: 200 })
  }
  return { send, log }
}

const GIVE_UP = 'The provider kept refusing.'

describe('rate governor', () => {
  it('learns an unannounced window and then uses the limit to within a fraction of a second', async () => {
    const clock = new VirtualClock()
    const provider = fixedWindowProvider(clock, 40, 10_000)
    const governor = new RateGovernor(GIVE_UP, () => clock.now)
    const ctx = contextOn(clock)
    await clock.run(
      (async () => {
        for (let i = 0; i < 400; i++) await governor.send(ctx, true, provider.send)
      })(),
    )
    expect(provider.log.accepted).toBe(400)
    // 400 requests at 40 per 10 s need at least 9 whole windows (90 s) after the first.
    const fastest = 90_000
    expect(clock.now).toBeGreaterThanOrEqual(fastest)
    expect(clock.now / fastest).toBeLessThan(1.05)
    // Probing the first window costs a few refusals; after that, about one per window at most.
    expect(provider.log.refused).toBeLessThan(25)
  })

  it('without learning (a fresh governor per request) wastes far more: the comparison that makes the test meaningful', async () => {
    const clock = new VirtualClock()
    const provider = fixedWindowProvider(clock, 40, 10_000)
    const ctx = contextOn(clock)
    await clock.run(
      (async () => {
        for (let i = 0; i < 400; i++)
          await new RateGovernor(GIVE_UP, () => clock.now).send(ctx, true, provider.send)
      })(),
    )
    expect(provider.log.refused).toBeGreaterThan(25)
  })

  it('holds every request in flight after a 429 and lets one probe go first', async () => {
    const clock = new VirtualClock()
    const provider = fixedWindowProvider(clock, 3, 5_000, true)
    const governor = new RateGovernor(GIVE_UP, () => clock.now)
    const ctx = contextOn(clock)
    const sent: number[] = []
    const send = async () => {
      sent.push(clock.now)
      return provider.send()
    }
    await clock.run(Promise.all(Array.from({ length: 10 }, () => governor.send(ctx, true, send))))
    expect(provider.log.accepted).toBe(10)
    // Ten at once: three accepted, seven refused together. From then on each window costs at most one
    // refusal (whoever finds the budget spent holds the rest), never the whole crowd again.
    expect(provider.log.refused).toBe(7 + 2)
    // 10 requests at 3 per 5 s: windows open at 0, 5, 10 and 15 s, the fastest the limit allows.
    expect(Math.max(...sent)).toBe(15_000)
    expect(sent.filter((at) => at === 5_000)).toHaveLength(4)
  })

  it('obeys x-ratelimit-remaining: 0 before the provider has to refuse anything', async () => {
    const clock = new VirtualClock()
    const governor = new RateGovernor(GIVE_UP, () => clock.now)
    let calls = 0
    const send = async () => {
      calls++
      const remaining = calls % 2 === 0 ? '0' : '1'
      return new Response('{}', {
        status: 200,
        headers: { 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': '30' },
      })
    }
    const ctx = contextOn(clock)
    await clock.run(
      (async () => {
        for (let i = 0; i < 4; i++) await governor.send(ctx, true, send)
      })(),
    )
    expect(calls).toBe(4)
    expect(clock.now).toBe(30_000) // one hold after the second answer said the budget was spent
  })

  it('stops with the provider-specific message when the provider refuses for minutes', async () => {
    const clock = new VirtualClock()
    const governor = new RateGovernor(GIVE_UP, () => clock.now)
    const refuse = async () => new Response(null, { status: 429 })
    await expect(clock.run(governor.send(contextOn(clock), true, refuse))).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: GIVE_UP,
    })
    expect(clock.now).toBeGreaterThan(60_000)
  })

  it('sends nothing more once cancelled while held, unless told to finish regardless', async () => {
    const clock = new VirtualClock()
    const governor = new RateGovernor(GIVE_UP, () => clock.now)
    const controller = new AbortController()
    let calls = 0
    const send = async () => {
      calls++
      if (calls === 1) {
        controller.abort()
        return new Response(null, { status: 429, headers: { 'retry-after': '5' } })
      }
      return new Response('{}', { status: 200 })
    }
    const ctx = contextOn(clock, controller.signal)
    await expect(clock.run(governor.send(ctx, true, send))).resolves.toBeNull()
    expect(calls).toBe(1)
    const finished = await clock.run(governor.send(ctx, false, send))
    expect(finished?.status).toBe(200)
    expect(clock.now).toBe(5_000)
  })
})
