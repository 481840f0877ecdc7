import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'

// `POST /oauth2/token`, form-encoded `grant_type=client_credentials&client_id=…&client_secret=…` →
// `{ access_token, token_type, expires_in }` (providers.md §3, [C]; 1800 s). Refusals follow OAuth 2.0
// (RFC 6749 §5.2: `{ error, error_description }`, 400 or 401) because Propeller documents none [G].

export const TOKEN_PATH = '/oauth2/token'

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return { status, body: { error, error_description: description } }
}

export class TokenIssuer {
  private readonly clientId: string
  private readonly clientSecret: string
  private readonly ttlSeconds: number
  private readonly expiry = new Map<string, number>()
  /** How many tokens were handed out: tests check that clients reuse them. */
  issued = 0

  constructor(clientId: string, clientSecret: string, ttlSeconds: number) {
    this.clientId = clientId
    this.clientSecret = clientSecret
    this.ttlSeconds = ttlSeconds
  }

  issue(request: SandboxRequest): SandboxResponse {
    const type = String(request.headers['content-type'] ?? '')
    if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'Send a POST with an application/x-www-form-urlencoded body')
    }
    const form = new URLSearchParams(request.body)
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported')
    }
    if (
      !same(form.get('client_id') ?? '', this.clientId) ||
      !same(form.get('client_secret') ?? '', this.clientSecret)
    ) {
      return oauthError(401, 'invalid_client', 'Client authentication failed')
    }
    const accessToken = randomBytes(24).toString('base64url')
    this.expiry.set(accessToken, Date.now() + this.ttlSeconds * 1000)
    this.issued++
    return {
      status: 200,
      body: { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSeconds },
    }
  }

  /** Whether `Authorization: Bearer <token>` carries a token this sandbox issued and that has not expired. */
  accepts(authorization: string | undefined): boolean {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1]
    const expires = token === undefined ? undefined : this.expiry.get(token)
    return expires !== undefined && Date.now() < expires
  }
}
