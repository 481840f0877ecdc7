import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { authMethodOf } from '#shared/providers/capillary/connection.ts'
import { codesOf, describeCode } from '#shared/providers/capillary/results.ts'
import { hostOf, readJson, sendRequest } from '../http/network.ts'
import { RateGovernor } from '../http/rate-governor.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'
import { basicAuthorization } from './credentials.ts'
import type { OAuthToken } from './oauth-token.ts'
import { generateToken } from './oauth-token.ts'

// One Capillary HTTP exchange: Basic (till) or OAuth authentication, rate limits waited out and the
// request resent (a 429 was not processed), and 401/403 turned into what the person can act on.
// Everything else is returned to the caller, which knows whether resending is safe.
//
// Capillary documents per-minute limits but no rate limit headers [G]: the upload's rate governor
// honours a `Retry-After` if one comes, and otherwise learns the minute's reset by probing.

export interface CapillaryResponse {
  status: number
  body: unknown
  /** Capillary's own error codes and messages, or a generic reason naming the status. */
  reason: string
}

export class CapillaryHttp {
  private readonly target: ConnectionTarget
  private readonly ctx: TransportContext
  private token: OAuthToken | null = null
  private readonly rate: RateGovernor

  constructor(target: ConnectionTarget, ctx: TransportContext) {
    this.target = target
    this.ctx = ctx
    this.rate = new RateGovernor(() => t('sending:capillary.rateLimited', { host: this.host }))
  }

  get host(): string {
    return hostOf(this.target.baseUrl)
  }

  /**
   * Sends one request, waiting out rate limits. Returns null when the job was cancelled while waiting
   * (nothing was sent). Throws PROVIDER_AUTH on 401/403 and ProviderNetworkError when unreachable.
   */
  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<CapillaryResponse | null> {
    let renewedToken = false
    for (;;) {
      const response = await this.rate.send(this.ctx, true, () => this.send(method, path, body))
      if (response === null) return null
      const parsed = await readJson(response)
      const codes = codesOf(isObject(parsed) ? parsed['errors'] : undefined).map(describeCode)
      const reason =
        codes.length > 0 ? codes.join('; ') : `HTTP ${response.status} ${response.statusText}`.trim()
      if (response.status === 401 || response.status === 403) {
        // An OAuth token can expire early (revoked, clock skew): get a new one once before giving up.
        if (authMethodOf(this.target.settings) === 'oauth' && !renewedToken) {
          this.token = null
          renewedToken = true
          continue
        }
        throw new AppError('PROVIDER_AUTH', this.authMessage(reason))
      }
      return { status: response.status, body: parsed, reason }
    }
  }

  private authMessage(reason: string): string {
    if (authMethodOf(this.target.settings) === 'oauth') return t('sending:capillary.auth.oauth', { reason })
    return t('sending:capillary.auth.till', { reason })
  }

  private async authorization(): Promise<Record<string, string>> {
    if (authMethodOf(this.target.settings) === 'oauth') {
      if (this.token === null || Date.now() >= this.token.renewAt) {
        this.token = await generateToken(this.target, this.ctx)
      }
      return { 'x-cap-api-oauth-token': this.token.accessToken }
    }
    const username = this.target.settings['tillUsername'] ?? ''
    const password = this.target.secrets['tillPassword'] ?? ''
    return { authorization: basicAuthorization(username, password) }
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const url = new URL(path, this.target.baseUrl)
    const headers = {
      ...(await this.authorization()),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    }
    const payload = body === undefined ? undefined : JSON.stringify(body)
    return sendRequest(this.ctx, url, { method, headers, body: payload }, 'Capillary')
  }

  /** Waits `ms`; false as soon as the job is cancelled. */
  async pause(ms: number): Promise<boolean> {
    await this.ctx.sleep(ms, this.ctx.signal)
    return !this.ctx.signal.aborted
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
