import { randomUUID } from 'node:crypto'
import type { SandboxResponse } from '../loopback-server.ts'

// Propeller's error body (providers.md §3, [C]): `{ error: { code, messages[], moreInfo, status, type } }`,
// with `moreInfo` pointing at propel.us/docs/errors/<code>. Codes are documented for request and
// schema errors only; for 401, 413, 429 and 500 Propeller documents neither code nor type, so the
// sandbox sends the same shape without a code (a client must not depend on one) [G].

export function propellerError(
  status: number,
  type: string,
  messages: string[],
  code: number | null = null,
  headers: Record<string, string> = {},
): SandboxResponse {
  const error: Record<string, unknown> = { messages, status, type }
  if (code !== null) {
    error['code'] = code
    error['moreInfo'] = `https://www.propel.us/docs/errors/${code}`
  }
  return { status, body: { error }, headers: { 'x-request-id': randomUUID(), ...headers } }
}

export function schemaError(messages: string[]): SandboxResponse {
  return propellerError(400, 'SchemaValidationException', messages, 10007)
}

export function tooManyRequests(retryAfterSeconds: number): SandboxResponse {
  return propellerError(429, 'TooManyRequests', ['Rate limit exceeded, try again later'], null, {
    'retry-after': String(retryAfterSeconds),
  })
}

export function serverError(): SandboxResponse {
  return propellerError(500, 'InternalServerError', ['An unexpected error occurred'])
}
