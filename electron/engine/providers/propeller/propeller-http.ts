import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { PropellerError } from '#shared/providers/propeller/results.ts'
import { errorReason, parseError } from '#shared/providers/propeller/results.ts'
import { hostOf, readJson, sendRequest } from '../http/network.ts'
import { RateGovernor } from '../http/rate-governor.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'
import { AccessTokenSource } from './access-token.ts'

// One authenticated Propeller exchange: a Bearer token from the client-credentials grant, one renewal
// after a 401, rate limits waited out and the request resent (a 429 was not processed), and 401/403
// turned into what the person can act on. Everything else goes back to the caller, which knows
// whether resending is safe.
//
// Propeller documents no rate limit or rate-limit headers [G]: the upload's rate governor honours
// `Retry-After` when it comes, and otherwise learns the limit's window by probing.

export interface PropellerResponse {
  status: number
  body: unknown
  error: PropellerError | null
  /** Propeller's error type, code and messages, or the HTTP status. */
  reason: string
  /** Propeller's `x-request-id`, for support. */
  requestId: string | null
}

export class PropellerHttp {
  private readonly target: ConnectionTarget
  private readonly ctx: TransportContext
  readonly tokens: AccessTokenSource
  private readonly rate: RateGovernor

  constructor(target: ConnectionTarget, ctx: TransportContext, tokens = new AccessTokenSource(target, ctx)) {
    this.target = target
    this.ctx = ctx
    this.tokens = tokens
    this.rate = new RateGovernor(() => t('sending:propeller.rateLimited', { host: this.host }))
  }

  get host(): string {
    return hostOf(this.target.baseUrl)
  }

  /**
   * POSTs JSON, waiting out rate limits. Null when the job was cancelled while waiting (nothing more
   * was sent). Throws PROVIDER_AUTH on 401/403 and ProviderNetworkError when unreachable.
   */
  async post(path: string, body: unknown): Promise<PropellerResponse | null> {
    let renewed = false
    for (;;) {
      const token = await this.tokens.get()
      const response = await this.rate.send(this.ctx, true, () =>
        sendRequest(
          this.ctx,
          new URL(path, this.target.baseUrl),
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              accept: 'application/json',
            },
            body: JSON.stringify(body),
          },
          'Propeller',
        ),
      )
      if (response === null) return null
      const parsed = await readJson(response)
      const error = parseError(parsed)
      const reason = errorReason(error, response.status)
      if (response.status === 401 && !renewed) {
        // The token may have been revoked or expired early: one new token, then the answer stands.
        this.tokens.invalidate()
        renewed = true
        continue
      }
      if (response.status === 401 || response.status === 403) {
        throw new AppError('PROVIDER_AUTH', t('sending:propeller.authRefused', { reason }))
      }
      return {
        status: response.status,
        body: parsed,
        error,
        reason,
        requestId: response.headers.get('x-request-id'),
      }
    }
  }

  /** Waits `ms`; false as soon as the job is cancelled. */
  async pause(ms: number): Promise<boolean> {
    await this.ctx.sleep(ms, this.ctx.signal)
    return !this.ctx.signal.aborted
  }
}
