import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import type { SandboxFaults } from '../providers/types.ts'

// The HTTP plumbing every provider sandbox shares: loopback only, bodies read with a size cap,
// injected faults (latency, 5xx, 429, dropped connections) rendered in the provider's own format,
// and a sandbox bug answered as the provider's 500 rather than a hung request.

export interface SandboxRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** The body as UTF-8 text; empty when it was over `maxBodyBytes` (check `bytes`). */
  body: string
  bytes: number
}

export interface SandboxResponse {
  status: number
  /** Serialised as JSON. */
  body: unknown
  headers?: Record<string, string>
}

export interface LoopbackServerOptions {
  port?: number
  /** Bodies above this are drained, not kept, so the handler can answer 413 instead of a reset. */
  maxBodyBytes: number
  faults?: SandboxFaults
  random?: () => number
  handle(request: SandboxRequest): SandboxResponse | Promise<SandboxResponse>
  /** The provider's own answers for injected faults and for a sandbox bug. */
  serverError(): SandboxResponse
  rateLimited(): SandboxResponse
}

export interface LoopbackServer {
  baseUrl: string
  close(): Promise<void>
}

type Fault = 'drop' | 'server-error' | 'rate-limit' | null

function rollFault(faults: SandboxFaults, random: () => number): Fault {
  if (random() < (faults.dropRate ?? 0)) return 'drop'
  if (random() < (faults.serverErrorRate ?? 0)) return 'server-error'
  if (random() < (faults.rateLimitRate ?? 0)) return 'rate-limit'
  return null
}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const faults = options.faults ?? {}
  const random = options.random ?? Math.random

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const sandboxRequest = await readRequest(request, options.maxBodyBytes)
    if (faults.latencyMs) await delay(faults.latencyMs)
    const fault = rollFault(faults, random)
    if (fault === 'drop') {
      if (faults.dropAfterProcessing) await options.handle(sandboxRequest)
      response.socket?.destroy()
      return
    }
    if (fault === 'server-error') return send(response, options.serverError())
    if (fault === 'rate-limit') return send(response, options.rateLimited())
    send(response, await options.handle(sandboxRequest))
  }

  const server = createServer((request, response) => {
    respond(request, response).catch(() => {
      if (!response.headersSent) send(response, options.serverError())
    })
  })
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function readRequest(request: IncomingMessage, maxBodyBytes: number): Promise<SandboxRequest> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length
    if (bytes <= maxBodyBytes) chunks.push(chunk)
  }
  const url = new URL(request.url ?? '/', 'http://sandbox')
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body: bytes <= maxBodyBytes ? Buffer.concat(chunks).toString('utf8') : '',
    bytes,
  }
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
