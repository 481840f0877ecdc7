import { randomBytes } from 'node:crypto'
import type { RunningSandbox, SandboxOptions } from '../../providers/types.ts'
import { BulkJobs } from './bulk-jobs.ts'
import type { StoredCustomer } from './customer-store.ts'
import { CustomerStore } from './customer-store.ts'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import { startLoopbackServer } from '../loopback-server.ts'
import { errorResponse } from './json-api.ts'
import { FixedWindowRateLimiter } from '../fixed-window-rate-limiter.ts'
import { rateHeaders } from './rate-limiter.ts'
import { route } from './routes.ts'

// A local replica of the parts of Kustomer's API that Crosswalk uses, on loopback only. It is what a
// new user's first import runs against, so it refuses what Kustomer refuses, with Kustomer's codes.

/** Kustomer answers 413 above "100 kb" for most endpoints; read as 100,000 bytes, like the client limit. */
export const MAX_BODY_BYTES = 100_000

export interface KustomerSandboxOptions extends SandboxOptions {
  /** Requests allowed per window (Kustomer Enterprise: 1,000 per minute). */
  rateLimitPerMinute?: number
  /** Length of the rate limit window; 60 s like Kustomer, shorter only in tests. */
  rateLimitWindowMs?: number
}

export interface KustomerSandbox extends RunningSandbox {
  customers(): readonly StoredCustomer[]
}

export async function startKustomerSandbox(options: KustomerSandboxOptions = {}): Promise<KustomerSandbox> {
  const apiKey = options.secrets?.['apiKey'] ?? `sandbox-${randomBytes(16).toString('hex')}`
  const store = new CustomerStore()
  const jobs = new BulkJobs(store, options.faults?.jobDelayMs ?? 100)
  const limiter = new FixedWindowRateLimiter(
    options.rateLimitPerMinute ?? 1000,
    options.rateLimitWindowMs ?? 60_000,
  )

  function handle(request: SandboxRequest): SandboxResponse {
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return errorResponse(
        401,
        'Missing or invalid API key. Send it as "Authorization: Bearer <API key>".',
        rateHeaders(limiter.state()),
      )
    }
    const rate = limiter.take()
    const headers = rateHeaders(rate)
    if (!rate.allowed) {
      return errorResponse(
        429,
        `Rate limit of ${rate.limit} requests per minute exceeded. Try again in ${rate.resetSeconds} seconds.`,
        headers,
      )
    }
    if (request.bytes > MAX_BODY_BYTES) {
      return errorResponse(
        413,
        `The request body is ${request.bytes} bytes; the limit is ${MAX_BODY_BYTES} bytes.`,
        headers,
      )
    }
    const result = route(request, store, jobs)
    return { ...result, headers: { ...headers, ...result.headers } }
  }

  const server = await startLoopbackServer({
    port: options.port,
    maxBodyBytes: MAX_BODY_BYTES,
    faults: options.faults,
    random: options.random,
    handle,
    // A sandbox bug or an injected fault: answer like Kustomer's own 500 and 429.
    serverError: () => errorResponse(500, 'The Kustomer sandbox failed to handle this request.'),
    rateLimited: () =>
      errorResponse(429, 'Rate limit exceeded. Try again in 1 seconds.', {
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1',
      }),
  })

  return {
    baseUrl: server.baseUrl,
    settings: { region: 'us' },
    secrets: { apiKey },
    customers: () => store.all(),
    customerCount: () => store.all().length,
    close: async () => {
      jobs.stop()
      await server.close()
    },
  }
}
