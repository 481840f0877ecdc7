import { randomBytes } from 'node:crypto'
import type { RunningSandbox, SandboxOptions } from '../../providers/types.ts'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import { startLoopbackServer } from '../loopback-server.ts'
import type { StoredCustomer } from './customer-store.ts'
import { CustomerStore } from './customer-store.ts'
import { FixedWindowRateLimiter } from '../fixed-window-rate-limiter.ts'
import { errorResponse } from './responses.ts'
import type { Brand } from './routes.ts'
import { route } from './routes.ts'

// A local replica of Omnidesk's Customer controller, on loopback only: what a new user's first
// import runs against. It takes the API key in the `apiKey` header or `?apiKey=` query (both
// documented), refuses what Omnidesk documents refusing, in Omnidesk's error format, and keeps
// customers so a search finds what an earlier request created.

/** Omnidesk documents no body limit; 100 kB is a conservative assumption (a customer form is < 2 kB). */
export const MAX_BODY_BYTES = 100_000

export const SANDBOX_BRAND: Brand = { id: 1, name: 'Sandbox brand' }

export interface OmnideskSandboxOptions extends SandboxOptions {
  /** Requests allowed per window. Not documented by Omnidesk; generous enough for a 1,000-row upsert. */
  rateLimit?: number
  /** Length of the rate limit window; 60 s, shorter only in tests. */
  rateLimitWindowMs?: number
}

export interface OmnideskSandbox extends RunningSandbox {
  customers(): readonly StoredCustomer[]
}

function apiKeyOf(request: SandboxRequest): string | undefined {
  const header = request.headers['apikey']
  if (typeof header === 'string') return header
  return request.query.get('apiKey') ?? undefined
}

export async function startOmnideskSandbox(options: OmnideskSandboxOptions = {}): Promise<OmnideskSandbox> {
  const apiKey = options.secrets?.['apiKey'] ?? `sandbox-${randomBytes(16).toString('hex')}`
  const store = new CustomerStore()
  // Omnidesk documents no rate limit. The sandbox still has one, so an upload meets a 429 the way it
  // would on any busy API: a fixed window of requests, answered with HTTP 429, Omnidesk's error body
  // and a standard `Retry-After` header in whole seconds (the conservative choice; no Omnidesk rate
  // limit headers are documented, so none are invented).
  const limiter = new FixedWindowRateLimiter(options.rateLimit ?? 3_000, options.rateLimitWindowMs ?? 60_000)

  async function handle(request: SandboxRequest): Promise<SandboxResponse> {
    if (apiKeyOf(request) !== apiKey) {
      return errorResponse(
        401,
        'Unauthorized: the API key is missing or invalid. Send it in the apiKey header.',
      )
    }
    const rate = limiter.take()
    if (!rate.allowed) {
      return errorResponse(429, `Too many requests. Try again in ${rate.retryAfterSeconds} seconds.`, {
        'retry-after': String(rate.retryAfterSeconds),
      })
    }
    if (request.bytes > MAX_BODY_BYTES) {
      return errorResponse(
        413,
        `The request body is ${request.bytes} bytes; the limit is ${MAX_BODY_BYTES} bytes.`,
      )
    }
    return route(request, store, [SANDBOX_BRAND])
  }

  const server = await startLoopbackServer({
    port: options.port,
    maxBodyBytes: MAX_BODY_BYTES,
    faults: options.faults,
    random: options.random,
    handle,
    // A sandbox bug or an injected fault, answered in Omnidesk's error format.
    serverError: () => errorResponse(500, 'Internal server error.'),
    rateLimited: () =>
      errorResponse(429, 'Too many requests. Try again in 1 seconds.', { 'retry-after': '1' }),
  })

  return {
    baseUrl: server.baseUrl,
    settings: { account: 'sandbox', domain: 'omnidesk.io', brand_id: String(SANDBOX_BRAND.id) },
    secrets: { apiKey },
    customers: () => store.all(),
    customerCount: () => store.all().length,
    close: () => server.close(),
  }
}
