import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { RunningSandbox, SandboxOptions } from '../../providers/types.ts'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import { startLoopbackServer } from '../loopback-server.ts'
import type { StoredCustomer } from './customer-store.ts'
import { CustomerStore } from './customer-store.ts'
import { FixedWindowRateLimiter } from '../fixed-window-rate-limiter.ts'
import { errorResponse, tooManyRequests } from './responses.ts'
import { route } from './routes.ts'

// A local replica of the parts of Thulium's API that Crosswalk uses, on loopback only. It is what a
// new user's first import runs against, so it refuses what Thulium documents refusing, with
// Thulium's answer shapes. Where Thulium documents nothing (limits, error bodies), the comments in
// this folder say which reading was chosen.

/** Not documented [G]: the same conservative cap the client plans with (thulium.limits). */
export const MAX_BODY_BYTES = 500_000

export interface ThuliumSandboxOptions extends SandboxOptions {
  /** Requests per window [G]; 200 per second unless a test asks for less. */
  rateLimit?: number
  rateLimitWindowMs?: number
}

export interface ThuliumSandbox extends RunningSandbox {
  customers(): readonly StoredCustomer[]
}

const REALM = { 'www-authenticate': 'Basic realm="Thulium API"' }

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export async function startThuliumSandbox(options: ThuliumSandboxOptions = {}): Promise<ThuliumSandbox> {
  const user = 'api_user'
  const password = options.secrets?.['password'] ?? `sandbox-${randomBytes(16).toString('hex')}`
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  const store = new CustomerStore()
  // Thulium documents no rate limit [G]. The sandbox still has one, so a client that ignores rate
  // limiting is caught: a fixed one-second window, answered with 429 and `Retry-After` (whole
  // seconds), the standard HTTP way, since Thulium documents no headers of its own.
  const limiter = new FixedWindowRateLimiter(options.rateLimit ?? 200, options.rateLimitWindowMs ?? 1000)

  function handle(request: SandboxRequest): SandboxResponse {
    if (!sameText(request.headers.authorization ?? '', expected)) {
      return errorResponse(401, 'Unauthorized. Check the API user login and password.', REALM)
    }
    const rate = limiter.take()
    if (!rate.allowed) return tooManyRequests(rate.retryAfterSeconds)
    if (request.bytes > MAX_BODY_BYTES) {
      return errorResponse(
        413,
        `Request body is ${request.bytes} bytes; the limit is ${MAX_BODY_BYTES} bytes.`,
      )
    }
    return route(request, store)
  }

  const server = await startLoopbackServer({
    port: options.port,
    maxBodyBytes: MAX_BODY_BYTES,
    faults: options.faults,
    random: options.random,
    handle,
    serverError: () => errorResponse(500, 'Internal server error.'),
    rateLimited: () => tooManyRequests(1),
  })

  return {
    baseUrl: server.baseUrl,
    settings: { subdomain: 'sandbox', user },
    secrets: { password },
    customers: () => store.all(),
    customerCount: () => store.all().length,
    close: () => server.close(),
  }
}
