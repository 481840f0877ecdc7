import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { errorBodyMessage } from '#shared/providers/kustomer/results.ts'
import { hostOf, readJson, sendRequest } from '../http/network.ts'
import { RateGovernor } from '../http/rate-governor.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'

// One Kustomer HTTP exchange: bearer auth, the org-wide rate limit (paced by the upload's rate
// governor from Kustomer's x-ratelimit-* headers; a 429 request was not accepted and is resent), and
// errors turned into what the person using Crosswalk can act on. Everything else (413, 400, 5xx) is
// returned to the caller, which knows whether resending is safe.

export interface KustomerResponse {
  status: number
  body: unknown
  /** Kustomer's reason from an error body, or a generic one naming the status. */
  reason: string
}

export class KustomerHttp {
  private readonly target: ConnectionTarget
  private readonly ctx: TransportContext
  private readonly rate: RateGovernor

  constructor(target: ConnectionTarget, ctx: TransportContext) {
    this.target = target
    this.ctx = ctx
    this.rate = new RateGovernor(() => t('sending:kustomer.rateLimited', { host: this.host }))
  }

  get host(): string {
    return hostOf(this.target.baseUrl)
  }

  /** Whether the person cancelled the job: work that writes nothing stops there. */
  get cancelled(): boolean {
    return this.ctx.signal.aborted
  }

  /**
   * Sends one request, waiting out rate limits. Returns null when the job was cancelled while waiting
   * and `untilCancelled` is set (nothing was sent); otherwise the waits ignore cancellation, so a bulk
   * job that was already accepted is still followed to its end.
   */
  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    untilCancelled: boolean,
  ): Promise<KustomerResponse | null> {
    const response = await this.rate.send(this.ctx, untilCancelled, () => this.send(method, path, body))
    if (response === null) return null
    const parsed = await readJson(response)
    const reason = errorBodyMessage(parsed) ?? `HTTP ${response.status} ${response.statusText}`.trim()
    if (response.status === 401 || response.status === 403) {
      throw new AppError('PROVIDER_AUTH', t('sending:kustomer.authRefused', { reason }))
    }
    return { status: response.status, body: parsed, reason }
  }

  private send(method: string, path: string, body: unknown): Promise<Response> {
    const url = new URL(path, this.target.baseUrl)
    const headers = {
      authorization: `Bearer ${this.target.secrets['apiKey'] ?? ''}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    }
    const payload = body === undefined ? undefined : JSON.stringify(body)
    return sendRequest(this.ctx, url, { method, headers, body: payload }, 'Kustomer')
  }

  /** Waits `ms`; when `untilCancelled`, returns false as soon as the job is cancelled. */
  async pause(ms: number, untilCancelled: boolean): Promise<boolean> {
    if (untilCancelled) {
      await this.ctx.sleep(ms, this.ctx.signal)
      return !this.ctx.signal.aborted
    }
    await new Promise((resolve) => setTimeout(resolve, ms))
    return true
  }
}
