import type { SandboxResponse } from '../loopback-server.ts'

// Thulium's request-level error body is not documented [G]. The sandbox uses the shape of its
// documented per-customer error, `{ http_status, message }`, for the whole request too.

export function errorResponse(
  status: number,
  message: string,
  headers?: Record<string, string>,
): SandboxResponse {
  return { status, body: { http_status: status, message }, headers }
}

export function tooManyRequests(retryAfterSeconds: number): SandboxResponse {
  return errorResponse(429, 'Too many requests. Try again later.', {
    'retry-after': String(retryAfterSeconds),
  })
}
