import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { errorBodyMessage } from '#shared/providers/thulium/results.ts'
import { hostOf, readJson, sendRequest } from '../http/network.ts'
import { RateGovernor } from '../http/rate-governor.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'

// One Thulium HTTP exchange: Basic auth with the API user, 429s waited out and resent (a 429 request
// was not processed), and refused credentials turned into what the person can act on. Everything
// else is returned to the caller, which knows whether resending is safe.
//
// Thulium documents no rate limit or headers [G]: the upload's rate governor honours `Retry-After`
// when present and otherwise learns the limit's window by probing.

export interface ThuliumResponse {
  status: number
  body: unknown
  /** Thulium's message from an error body, or a generic one naming the status. */
  reason: string
}

export class ThuliumHttp {
  private readonly target: ConnectionTarget
  private readonly ctx: TransportContext
  private readonly rate: RateGovernor

  constructor(target: ConnectionTarget, ctx: TransportContext) {
    this.target = target
    this.ctx = ctx
    this.rate = new RateGovernor(() => t('sending:thulium.rateLimited', { host: this.host }))
  }

  get host(): string {
    return hostOf(this.target.baseUrl)
  }

  /** Sends one request, waiting out rate limits; null when the job was cancelled before it was sent. */
  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<ThuliumResponse | null> {
    const response = await this.rate.send(this.ctx, true, () => this.send(method, path, body))
    if (response === null) return null
    const parsed = await readJson(response)
    const reason = errorBodyMessage(parsed) ?? `HTTP ${response.status} ${response.statusText}`.trim()
    if (response.status === 401) {
      throw new AppError('PROVIDER_AUTH', t('sending:thulium.auth.login', { host: this.host, reason }))
    }
    if (response.status === 403) {
      throw new AppError('PROVIDER_AUTH', t('sending:thulium.auth.permission', { host: this.host, reason }))
    }
    return { status: response.status, body: parsed, reason }
  }

  /** Waits `ms`; false when the job was cancelled meanwhile. */
  async pause(ms: number): Promise<boolean> {
    await this.ctx.sleep(ms, this.ctx.signal)
    return !this.ctx.signal.aborted
  }

  private send(method: string, path: string, body: unknown): Promise<Response> {
    const url = new URL(path, this.target.baseUrl)
    const user = this.target.settings['user'] ?? ''
    const password = this.target.secrets['password'] ?? ''
    const headers = {
      authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    }
    const payload = body === undefined ? undefined : JSON.stringify(body)
    return sendRequest(this.ctx, url, { method, headers, body: payload }, 'Thulium')
  }
}
