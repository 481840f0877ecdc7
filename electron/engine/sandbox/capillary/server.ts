import { createHash, randomBytes } from 'node:crypto'
import type { RunningSandbox, SandboxOptions } from '../../providers/types.ts'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import { startLoopbackServer } from '../loopback-server.ts'
import type { StoredCustomer } from './customer-store.ts'
import { CustomerStore } from './customer-store.ts'
import { errorEnvelope, rateLimited, serverError } from './envelope.ts'
import { route } from './routes.ts'
import { OAuthTokens, TOKEN_PATH } from './oauth.ts'

// A local replica of the parts of Capillary's v2 API that Crosswalk uses, on loopback only: the upsert
// bulk, the Group Loyalty association bulk (PUT /v2/bulk, with the hierarchy of hierarchies.ts), the
// customer lookup and the OAuth token. It authenticates like Capillary (Basic with the till
// password's MD5, or an OAuth token), limits requests per minute and answers in Capillary's envelope.

/** Not documented by Capillary; the same 1 MB Crosswalk plans with [G]. */
export const MAX_BODY_BYTES = 1_000_000

export interface CapillarySandboxOptions extends SandboxOptions {
  /** Items per bulk request before 1060; 100 by default. */
  batchLimit?: number
  /** Requests per minute per credential (demo and testing clusters: 1,000 per API key [C]). */
  rateLimitPerMinute?: number
  /** Length of the rate limit window; 60 s like Capillary, shorter only in tests. */
  rateLimitWindowMs?: number
}

export interface CapillarySandbox extends RunningSandbox {
  customers(): readonly StoredCustomer[]
}

export async function startCapillarySandbox(
  options: CapillarySandboxOptions = {},
): Promise<CapillarySandbox> {
  const tillUsername = 'sandbox.till'
  const tillPassword = options.secrets?.['tillPassword'] ?? `sandbox-${randomBytes(12).toString('hex')}`
  const oauthClientKey = 'sandbox-client'
  const oauthClientSecret = options.secrets?.['oauthClientSecret'] ?? randomBytes(16).toString('hex')
  const basic = `Basic ${Buffer.from(`${tillUsername}:${createHash('md5').update(tillPassword, 'utf8').digest('hex')}`).toString('base64')}`
  const tokens = new OAuthTokens(oauthClientKey, oauthClientSecret)
  const store = new CustomerStore()
  const limit = options.rateLimitPerMinute ?? 1000
  const windowMs = options.rateLimitWindowMs ?? 60_000
  let windowStart = Date.now()
  let used = 0

  function handle(request: SandboxRequest): SandboxResponse {
    if (request.method === 'POST' && request.path === TOKEN_PATH) return tokens.generate(request.body)
    const token = request.headers['x-cap-api-oauth-token']
    const authorised =
      request.headers.authorization === basic || (typeof token === 'string' && tokens.valid(token))
    if (!authorised) return errorEnvelope(401, 401, 'Unauthorized: invalid till credentials or OAuth token') // [G]
    if (Date.now() - windowStart >= windowMs) {
      windowStart = Date.now()
      used = 0
    }
    if (++used > limit) return rateLimited()
    if (request.bytes > MAX_BODY_BYTES) {
      return errorEnvelope(413, 413, `Request body of ${request.bytes} bytes is over ${MAX_BODY_BYTES} bytes`) // [G]
    }
    return route(request, { store, batchLimit: options.batchLimit ?? 100 })
  }

  const server = await startLoopbackServer({
    port: options.port,
    maxBodyBytes: MAX_BODY_BYTES,
    faults: options.faults,
    random: options.random,
    handle,
    serverError,
    rateLimited,
  })

  return {
    baseUrl: server.baseUrl,
    settings: {
      cluster: 'eu.api.capillarytech.com',
      source: 'INSTORE',
      loyaltyType: 'loyalty',
      authMethod: 'basic',
      tillUsername,
      oauthClientKey,
    },
    secrets: { tillPassword, oauthClientSecret },
    customers: () => store.all(),
    customerCount: () => store.size,
    close: () => server.close(),
  }
}
