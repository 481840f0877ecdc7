import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { FormFields } from '#shared/providers/omnidesk/request.ts'
import { encodeForm } from '#shared/providers/omnidesk/request.ts'
import { errorBodyMessage } from '#shared/providers/omnidesk/results.ts'
import { hostOf, readJson, sendRequest } from '../http/network.ts'
import { RateGovernor } from '../http/rate-governor.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'

// One Omnidesk HTTP exchange: the `apiKey` header, form-encoded bodies, rate limits waited out and
// the request resent (a 429 was not processed), and refused credentials turned into PROVIDER_AUTH.
// Every other status goes back to the caller, which knows whether resending is safe.
//
// Omnidesk documents no rate limit or rate limit headers: the upload's rate governor honours
// `Retry-After` when present and otherwise learns the limit's window by probing.

export interface OmnideskResponse {
  status: number
  body: unknown
  /** Omnidesk's reason from an error body, or a generic one naming the status. */
  reason: string
}

export class OmnideskHttp {
  private readonly target: ConnectionTarget
  private readonly ctx: TransportContext
  private readonly rate: RateGovernor

  constructor(target: ConnectionTarget, ctx: TransportContext) {
    this.target = target
    this.ctx = ctx
    this.rate = new RateGovernor(() => t('sending:omnidesk.rateLimited', { host: this.host }))
  }

  get host(): string {
    return hostOf(this.target.baseUrl)
  }

  get signal(): AbortSignal {
    return this.ctx.signal
  }

  /**
   * Sends one request, waiting out rate limits. Returns null when the job was cancelled before it
   * was sent and `untilCancelled` is set; without it the waits ignore cancellation, so a row whose
   * write may have been accepted is still checked to the end.
   */
  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    form: FormFields | undefined,
    untilCancelled: boolean,
  ): Promise<OmnideskResponse | null> {
    const response = await this.rate.send(this.ctx, untilCancelled, () => this.send(method, path, form))
    if (response === null) return null
    const body = await readJson(response)
    const reason = errorBodyMessage(body) ?? `HTTP ${response.status} ${response.statusText}`.trim()
    if (response.status === 401 || response.status === 403) {
      throw new AppError('PROVIDER_AUTH', t('sending:omnidesk.authRefused', { reason }))
    }
    return { status: response.status, body, reason }
  }

  private send(method: string, path: string, form: FormFields | undefined): Promise<Response> {
    const url = new URL(path, this.target.baseUrl)
    const headers: Record<string, string> = {
      apiKey: this.target.secrets['apiKey'] ?? '',
      accept: 'application/json',
    }
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded'
    const body = form === undefined ? undefined : encodeForm(form)
    return sendRequest(this.ctx, url, { method, headers, body }, 'Omnidesk')
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
