import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RunningSandbox, SandboxOptions } from '../../providers/types.ts'
import { BulkJobs } from './bulk-jobs.ts'
import type { StoredCustomer } from './customer-store.ts'
import { CustomerStore } from './customer-store.ts'
import type { SandboxResponse } from './json-api.ts'
import { errorResponse } from './json-api.ts'
import { FixedWindowRateLimiter, rateHeaders } from './rate-limiter.ts'
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
  /** How long a bulk job takes from submit to complete. */
  processingDelayMs?: number
}

export interface KustomerSandbox extends RunningSandbox {
  customers(): readonly StoredCustomer[]
}

export async function startKustomerSandbox(options: KustomerSandboxOptions = {}): Promise<KustomerSandbox> {
  const apiKey = options.apiKey ?? `sandbox-${randomBytes(16).toString('hex')}`
  const store = new CustomerStore()
  const jobs = new BulkJobs(store, options.processingDelayMs ?? 100)
  const limiter = new FixedWindowRateLimiter(
    options.rateLimitPerMinute ?? 1000,
    options.rateLimitWindowMs ?? 60_000,
  )

  const server = createServer((request, response) => {
    handle(request).then(
      (result) => send(response, result),
      // A sandbox bug, not the client's fault: answer like Kustomer's own 500.
      () => send(response, errorResponse(500, 'The Kustomer sandbox failed to handle this request.')),
    )
  })

  async function handle(request: IncomingMessage): Promise<SandboxResponse> {
    const { body, bytes } = await readBody(request)
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname
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
    if (bytes > MAX_BODY_BYTES) {
      return errorResponse(
        413,
        `The request body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES} bytes.`,
        headers,
      )
    }
    const result = route({ method: request.method ?? 'GET', path, body }, store, jobs)
    return { ...result, headers: { ...headers, ...result.headers } }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    customers: () => store.all(),
    close: () =>
      new Promise<void>((resolve) => {
        jobs.stop()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * Reads the whole body but keeps only up to the limit: an oversized request is drained, not cut off,
 * so the client gets the 413 instead of a broken connection.
 */
async function readBody(request: IncomingMessage): Promise<{ body: string; bytes: number }> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length
    if (bytes <= MAX_BODY_BYTES) chunks.push(chunk)
  }
  return { body: bytes <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : '', bytes }
}

function send(response: ServerResponse, result: SandboxResponse): void {
  const payload = JSON.stringify(result.body)
  response.writeHead(result.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...result.headers,
  })
  response.end(payload)
}
