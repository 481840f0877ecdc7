import { afterEach, describe, expect, it } from 'vitest'
import type {
  PropellerSandbox,
  PropellerSandboxOptions,
} from '../../../../electron/engine/sandbox/propeller/server.ts'
import { startPropellerSandbox } from '../../../../electron/engine/sandbox/propeller/server.ts'

// The Propeller sandbox answers as providers.md §3 and seed 002 document: the client-credentials
// token, Bearer auth, the bulk upsert by sourceId with its per-item answer, and the 10007
// SchemaValidationException naming the first invalid item by JSON pointer.

let sandbox: PropellerSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: PropellerSandboxOptions = {}): Promise<PropellerSandbox> {
  sandbox = await startPropellerSandbox(options)
  return sandbox
}

async function token(
  form: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: sandbox.settings['clientId']!,
    client_secret: sandbox.secrets['clientSecret']!,
  },
): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  })
}

async function accessToken(): Promise<string> {
  const body = (await (await token()).json()) as { access_token: string }
  return body.access_token
}

async function bulk(body: unknown, bearer?: string): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/v2/customers/bulk/sourceId`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${bearer ?? (await accessToken())}`,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function customer(sourceId: string, extra: Record<string, unknown> = {}) {
  return { source: 'SHOP', sourceId, firstName: 'Jan', ...extra }
}

describe('Propeller sandbox: OAuth token', () => {
  it('issues a Bearer token for the right client credentials', async () => {
    await start()
    const response = await token()
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1800 })
    expect(typeof body['access_token']).toBe('string')
  })

  it('refuses a wrong secret and other grant types', async () => {
    await start()
    const wrong = await token({
      grant_type: 'client_credentials',
      client_id: 'sandbox-client',
      client_secret: 'x',
    })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' })
    const password = await token({ grant_type: 'password', client_id: 'sandbox-client' })
    expect(password.status).toBe(400)
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' })
  })

  it('answers 401 in Propeller’s error shape for a missing, invalid or expired token', async () => {
    await start({ tokenTtlSeconds: 1 })
    const missing = await fetch(`${sandbox.baseUrl}/v2/customers/bulk/sourceId`, {
      method: 'POST',
      body: '{}',
    })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: { status: 401, messages: [expect.any(String)] } })
    expect((await bulk({ customers: [customer('A')] }, 'made-up')).status).toBe(401)
    const old = await accessToken()
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect((await bulk({ customers: [customer('A')] }, old)).status).toBe(401)
  })
})

describe('Propeller sandbox: bulk by sourceId', () => {
  it('creates, then updates by source + sourceId, answering per item', async () => {
    await start()
    const first = await bulk({ customers: [customer('C-1'), customer('C-2')] })
    expect(first.status).toBe(200)
    expect(first.headers.get('x-request-id')).toMatch(/\S/)
    const created = (await first.json()) as {
      data: Record<string, unknown>[]
      messages: string[]
      total: number
    }
    expect(created).toMatchObject({ messages: ['Completed'], total: 2 })
    expect(created.data).toEqual([
      { action: 'create', id: expect.any(Number), key: 'C-1', lookupKey: 'sourceId', success: true },
      { action: 'create', id: expect.any(Number), key: 'C-2', lookupKey: 'sourceId', success: true },
    ])
    const again = (await (await bulk({ customers: [customer('C-1', { lastName: 'Dijk' })] })).json()) as {
      data: Record<string, unknown>[]
    }
    expect(again.data[0]).toMatchObject({ action: 'update', id: created.data[0]!['id'], key: 'C-1' })
    expect(sandbox.customerCount()).toBe(2)
    expect(sandbox.customers()[0]!.fields).toMatchObject({ firstName: 'Jan', lastName: 'Dijk' })
    // Another source is another customer.
    await bulk({ customers: [{ ...customer('C-1'), source: 'ERP' }] })
    expect(sandbox.customerCount()).toBe(3)
  })

  it('answers 10007 naming the first invalid item, and saves nothing', async () => {
    await start()
    const response = await bulk({
      customers: [
        customer('OK-1'),
        customer('BAD-1', { company: 'Acme' }),
        customer('BAD-2', { gender: 'X' }),
      ],
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        code: 10007,
        messages: ['#/customers/1: extraneous key [company] is not permitted'],
        moreInfo: 'https://www.propel.us/docs/errors/10007',
        status: 400,
        type: 'SchemaValidationException',
      },
    })
    expect(sandbox.customerCount()).toBe(0)
  })

  it('checks addresses: required parts, enums and ISO country codes', async () => {
    await start()
    const address = { type: 'invoice', street: 'Kerkstraat', city: 'Utrecht', country: 'NL' }
    const messageOf = async (body: unknown) =>
      ((await (await bulk(body)).json()) as { error: { messages: string[] } }).error.messages[0]
    expect(
      await messageOf({ customers: [customer('A', { addresses: [{ ...address, city: undefined }] })] }),
    ).toBe('#/customers/0/addresses/0: required key [city] not found')
    expect(
      await messageOf({ customers: [customer('A', { addresses: [{ ...address, type: 'home' }] })] }),
    ).toBe('#/customers/0/addresses/0/type: "home" is not a valid enum value')
    expect(
      await messageOf({ customers: [customer('A', { addresses: [{ ...address, country: 'UK' }] })] }),
    ).toBe('#/customers/0/addresses/0/country: "UK" is not a valid enum value')
    expect(
      await messageOf({ customers: [customer('A', { addresses: [{ ...address, isDefault: 'yes' }] })] }),
    ).toBe('#/customers/0/addresses/0/isDefault: "yes" is not a valid enum value')
    expect(await messageOf({ customers: [{ source: 'SHOP' }] })).toBe(
      '#/customers/0: required key [sourceId] not found',
    )
    expect(await messageOf({ customers: [customer('A', { dateOfBirth: '12-04-1985' })] })).toMatch(
      /^#\/customers\/0\/dateOfBirth: /,
    )
    const ok = await bulk({ customers: [customer('A', { addresses: [address] })] })
    expect(ok.status).toBe(200)
  })

  it('applies the documented directives', async () => {
    await start()
    await bulk({ customers: [customer('A', { email: 'old@example.com' })] })
    const kept = await bulk({
      customers: [customer('A', { email: 'new@example.com', lastName: 'Dijk' })],
      directives: [{ operation: 'skipIfNotEmpty', fields: ['email', 'lastName'] }],
    })
    expect(kept.status).toBe(200)
    expect(sandbox.customers()[0]!.fields).toMatchObject({ email: 'old@example.com', lastName: 'Dijk' })
    const updateOnly = (await (
      await bulk({
        customers: [customer('A'), customer('NEW')],
        directives: [{ operation: 'skipCreate', fields: [] }],
      })
    ).json()) as { data: Record<string, unknown>[] }
    expect(updateOnly.data[0]).toMatchObject({ action: 'update', success: true })
    expect(updateOnly.data[1]).toEqual({
      key: 'NEW',
      lookupKey: 'sourceId',
      success: false,
      error: 'Customer with sourceId [NEW] not found',
    })
    expect(sandbox.customerCount()).toBe(1)
  })

  it('limits items per request, body size and request rate', async () => {
    await start({ maxItems: 3, rateLimit: 3, rateLimitWindowMs: 60_000 })
    const bearer = await accessToken()
    const many = await bulk({ customers: ['1', '2', '3', '4'].map((id) => customer(id)) }, bearer)
    expect(many.status).toBe(400)
    expect(((await many.json()) as { error: { messages: string[] } }).error.messages).toEqual([
      '#/customers: expected maximum item count: 3, found: 4',
    ])
    const huge = await bulk({ customers: [customer('A', { title: 'x'.repeat(1_100_000) })] }, bearer)
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({ error: { status: 413 } })
    expect((await bulk('{not json', bearer)).status).toBe(400)
    const limited = await bulk({ customers: [customer('A')] }, bearer)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await limited.json()).toMatchObject({ error: { status: 429 } })
  })
})
