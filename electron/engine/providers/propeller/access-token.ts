import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { TOKEN_PATH, tokenRequestBody } from '#shared/providers/propeller/request.ts'
import type { AccessToken } from '#shared/providers/propeller/results.ts'
import { parseToken } from '#shared/providers/propeller/results.ts'
import { ProviderNetworkError, readJson, sendRequest } from '../http/network.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'

// Propeller's OAuth 2.0 client-credentials grant: `POST /oauth2/token`, form-encoded client id and
// secret → `access_token` valid `expires_in` seconds (1800, providers.md §3 [C]). One token is shared
// by all requests of an upload and renewed shortly BEFORE it expires, so a request never leaves with
// a token that lapses on the way; a 401 anyway (revoked, clock skew) makes the caller `invalidate()`
// it once. The token is never logged and never leaves this object except in the Authorization header.
//
// Asking for a token changes nothing on Propeller's side, so failed attempts (5xx, 429, broken
// connections) are simply repeated a few times.

const ATTEMPTS = 4
const FIRST_WAIT_MS = 500
/** Renew this long before expiry; a fifth of the lifetime for (test) tokens shorter than 5 minutes. */
const RENEW_MARGIN_MS = 60_000

export class AccessTokenSource {
  private readonly target: ConnectionTarget
  private readonly ctx: TransportContext
  private readonly now: () => number
  private token: { value: string; renewAt: number } | null = null

  constructor(target: ConnectionTarget, ctx: TransportContext, now: () => number = Date.now) {
    this.target = target
    this.ctx = ctx
    this.now = now
  }

  /** A token that is good for a while yet: the cached one, or a fresh one when it is due for renewal. */
  async get(): Promise<string> {
    if (this.token === null || this.now() >= this.token.renewAt) {
      const fresh = await this.request()
      const lifetimeMs = fresh.expiresInSeconds * 1000
      const margin = Math.min(RENEW_MARGIN_MS, lifetimeMs / 5)
      this.token = { value: fresh.accessToken, renewAt: this.now() + lifetimeMs - margin }
    }
    return this.token.value
  }

  /** Forgets the token after Propeller refused it, so the next `get()` asks for a new one. */
  invalidate(): void {
    this.token = null
  }

  private async request(): Promise<AccessToken> {
    const url = new URL(TOKEN_PATH, this.target.baseUrl)
    const body = tokenRequestBody(
      this.target.settings['clientId'] ?? '',
      this.target.secrets['clientSecret'] ?? '',
    )
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
    for (let attempt = 1; ; attempt++) {
      let response: Response
      try {
        response = await sendRequest(this.ctx, url, { method: 'POST', headers, body }, 'Propeller')
      } catch (error) {
        if (!(error instanceof ProviderNetworkError) || attempt >= ATTEMPTS) throw unwrap(error)
        await this.ctx.sleep(FIRST_WAIT_MS * 2 ** (attempt - 1), this.ctx.signal)
        continue
      }
      const parsed = await readJson(response)
      if (response.ok) return parseToken(parsed)
      if (response.status >= 500 || response.status === 429) {
        if (attempt >= ATTEMPTS) {
          throw new AppError(
            'PROVIDER_UNAVAILABLE',
            t('sending:propeller.token.unavailable', { host: url.host, status: response.status }),
          )
        }
        await this.ctx.sleep(FIRST_WAIT_MS * 2 ** (attempt - 1), this.ctx.signal)
        continue
      }
      throw new AppError(
        'PROVIDER_AUTH',
        t('sending:propeller.token.refused', { reason: describeRefusal(parsed, response.status) }),
      )
    }
  }
}

function unwrap(error: unknown): unknown {
  return error instanceof ProviderNetworkError ? error.appError : error
}

/** `{ error, error_description }` (OAuth 2.0) or Propeller's own error body → a short reason. */
function describeRefusal(body: unknown, status: number): string {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>
    const description = record['error_description']
    if (typeof description === 'string' && description !== '') return description
    if (typeof record['error'] === 'string') return record['error']
  }
  return `HTTP ${status}`
}
