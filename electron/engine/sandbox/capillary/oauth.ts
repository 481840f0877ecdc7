import { randomBytes } from 'node:crypto'
import type { SandboxResponse } from '../loopback-server.ts'
import { errorEnvelope } from './envelope.ts'

// `POST /v3/oauth/token/generate` `{ key, secret }` → `{ data: { accessToken, ttlSeconds } }` [C].
// Tokens live 60 minutes, Capillary's maximum [C]. The refusal's code is not documented [G].

export const TOKEN_PATH = '/v3/oauth/token/generate'
const TTL_SECONDS = 3600

export class OAuthTokens {
  private readonly key: string
  private readonly secret: string
  private readonly expiry = new Map<string, number>()

  constructor(key: string, secret: string) {
    this.key = key
    this.secret = secret
  }

  generate(body: string): SandboxResponse {
    let credentials: unknown
    try {
      credentials = JSON.parse(body)
    } catch {
      credentials = null
    }
    const given = (credentials ?? {}) as Record<string, unknown>
    if (given['key'] !== this.key || given['secret'] !== this.secret) {
      return errorEnvelope(401, 401, 'Invalid client key or secret')
    }
    const accessToken = randomBytes(24).toString('base64url')
    this.expiry.set(accessToken, Date.now() + TTL_SECONDS * 1000)
    return { status: 200, body: { data: { accessToken, ttlSeconds: TTL_SECONDS }, errors: [], warnings: [] } }
  }

  valid(token: string): boolean {
    const expires = this.expiry.get(token)
    return expires !== undefined && Date.now() < expires
  }
}
