import { randomBytes } from 'node:crypto'
import type { RunningSandbox, SandboxOptions } from '../../providers/types.ts'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import { startLoopbackServer } from '../loopback-server.ts'
import { bulkUpsert } from './bulk.ts'
import type { StoredCustomer } from './customer-store.ts'
import { CustomerStore } from './customer-store.ts'
import { TOKEN_PATH, TokenIssuer } from './oauth.ts'
import { FixedWindowRateLimiter } from '../fixed-window-rate-limiter.ts'
import { propellerError, serverError, tooManyRequests } from './responses.ts'

// A local replica of the parts of Propeller's REST v2 API that Crosswalk uses, on loopback only: the
// OAuth client-credentials token and the customer bulk upserts by sourceId and by id. It is what a new user's
// first import runs against, so it refuses what Propeller documents refusing, in Propeller's shapes;
// where Propeller documents nothing (limits, rate limiting, 401 body) the comments say what was chosen.

export const BULK_PATH = '/v2/customers/bulk/sourceId'
export const BULK_BY_ID_PATH = '/v2/customers/bulk/id'
/** Not documented [G]: the same caps the client plans with (propeller.limits). */
export const MAX_BODY_BYTES = 1_000_000
export const MAX_ITEMS = 100

export interface PropellerSandboxOptions extends SandboxOptions {
  /** Token lifetime; 1800 s like Propeller [C], shorter only in tests. */
  tokenTtlSeconds?: number
  /** Requests per window [G]; 50 per second unless a test asks for less. */
  rateLimit?: number
  rateLimitWindowMs?: number
  /** Items per bulk request before the schema check refuses the body [G]. */
  maxItems?: number
}

export interface PropellerSandbox extends RunningSandbox {
  customers(): readonly StoredCustomer[]
  /** How many access tokens were issued. */
  tokensIssued(): number
}

const UNAUTHORIZED = 'Invalid or expired access token'

export async function startPropellerSandbox(
  options: PropellerSandboxOptions = {},
): Promise<PropellerSandbox> {
  const clientId = 'sandbox-client'
  const clientSecret = options.secrets?.['clientSecret'] ?? `sandbox-${randomBytes(16).toString('hex')}`
  const tokens = new TokenIssuer(clientId, clientSecret, options.tokenTtlSeconds ?? 1800)
  const store = new CustomerStore()
  // Propeller documents no rate limit [G]. The sandbox still has one, so a client that ignores rate
  // limiting is caught: a fixed window answered with 429 and `Retry-After` in whole seconds, the
  // standard HTTP way, since Propeller documents no headers of its own.
  const limiter = new FixedWindowRateLimiter(options.rateLimit ?? 50, options.rateLimitWindowMs ?? 1000)

  function handle(request: SandboxRequest): SandboxResponse {
    if (request.path === TOKEN_PATH) return tokens.issue(request)
    if (!tokens.accepts(request.headers.authorization)) {
      return propellerError(401, 'UnauthorizedException', [UNAUTHORIZED], null, {
        'www-authenticate': 'Bearer error="invalid_token"',
      })
    }
    const rate = limiter.take()
    if (!rate.allowed) return tooManyRequests(rate.retryAfterSeconds)
    const lookupKey = request.path === BULK_PATH ? 'sourceId' : request.path === BULK_BY_ID_PATH ? 'id' : null
    if (request.method === 'POST' && lookupKey !== null) {
      if (request.bytes > MAX_BODY_BYTES) {
        return propellerError(413, 'PayloadTooLarge', [
          `Request body is ${request.bytes} bytes; the limit is ${MAX_BODY_BYTES} bytes`,
        ])
      }
      return bulkUpsert(request.body, store, options.maxItems ?? MAX_ITEMS, lookupKey)
    }
    return propellerError(404, 'NotFound', [`No route ${request.method} ${request.path}`], 10008)
  }

  const server = await startLoopbackServer({
    port: options.port,
    maxBodyBytes: MAX_BODY_BYTES,
    faults: options.faults,
    random: options.random,
    handle,
    serverError,
    rateLimited: () => tooManyRequests(1),
  })

  return {
    baseUrl: server.baseUrl,
    settings: {
      apiHost: 'api.helice.cloud',
      clientId,
      source: 'CROSSWALK',
      matchBy: 'sourceId',
      existing: 'overwrite',
    },
    secrets: { clientSecret },
    customers: () => store.all(),
    tokensIssued: () => tokens.issued,
    customerCount: () => store.size,
    close: () => server.close(),
  }
}
