import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { codesOf, describeCode } from '#shared/providers/capillary/results.ts'
import { readJson, sendRequest } from '../http/network.ts'
import type { ConnectionTarget, TransportContext } from '../types.ts'

// Capillary's OAuth: `POST /v3/oauth/token/generate` with the client key and secret answers
// `data.accessToken` and `data.ttlSeconds` (at most 60 minutes) [C]. The token is then sent in
// `X-CAP-API-OAUTH-TOKEN` (the header the v2 OpenAPI declares; the overview page names it
// CAP-API-ACCESS-TOKEN, which Crosswalk does not send) [C/ambiguous].

export const TOKEN_PATH = '/v3/oauth/token/generate'
/** Renew this long before Capillary's expiry, so a token never lapses in the middle of a request. */
const RENEW_MARGIN_MS = 60_000

export interface OAuthToken {
  accessToken: string
  /** ms since epoch after which a new token is fetched. */
  renewAt: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export async function generateToken(target: ConnectionTarget, ctx: TransportContext): Promise<OAuthToken> {
  const url = new URL(TOKEN_PATH, target.baseUrl)
  const body = JSON.stringify({
    key: target.settings['oauthClientKey'] ?? '',
    secret: target.secrets['oauthClientSecret'] ?? '',
  })
  const headers = { 'content-type': 'application/json', accept: 'application/json' }
  const response = await sendRequest(ctx, url, { method: 'POST', headers, body }, 'Capillary')
  const parsed = await readJson(response)
  const data = isObject(parsed) ? parsed['data'] : undefined
  const accessToken = isObject(data) ? data['accessToken'] : undefined
  if (response.ok && typeof accessToken === 'string' && accessToken !== '') {
    const ttl = isObject(data) && typeof data['ttlSeconds'] === 'number' ? data['ttlSeconds'] : 3600
    return { accessToken, renewAt: Date.now() + Math.max(ttl * 1000 - RENEW_MARGIN_MS, 1_000) }
  }
  if (response.status >= 500 || response.status === 429) {
    throw new AppError(
      'PROVIDER_UNAVAILABLE',
      t('sending:capillary.token.unavailable', { host: url.host, status: response.status }),
    )
  }
  const reasons = codesOf(isObject(parsed) ? parsed['errors'] : undefined).map(describeCode)
  const reason = reasons.length > 0 ? reasons.join('; ') : `HTTP ${response.status}`
  throw new AppError('PROVIDER_AUTH', t('sending:capillary.token.refused', { reason }))
}
