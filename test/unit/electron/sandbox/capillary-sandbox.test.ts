import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type {
  CapillarySandbox,
  CapillarySandboxOptions,
} from '../../../../electron/engine/sandbox/capillary/server.ts'
import { startCapillarySandbox } from '../../../../electron/engine/sandbox/capillary/server.ts'

// The sandbox's contract is Capillary's documented v2 API: envelope, codes, limits, auth and state.

let sandbox: CapillarySandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: CapillarySandboxOptions = {}): Promise<CapillarySandbox> {
  sandbox = await startCapillarySandbox({ secrets: { tillPassword: 'secret' }, ...options })
  return sandbox
}

const basic = (password = 'secret') =>
  `Basic ${Buffer.from(`sandbox.till:${createHash('md5').update(password).digest('hex')}`).toString('base64')}`

interface Code {
  status: boolean
  code: number
  message: string
}
interface Element {
  entityId?: number
  createdId?: number
  errors: Code[]
  warnings: Code[]
}
interface Body {
  response: Element[]
  totalCount: number
  failureCount: number
  errors: Code[]
}

async function call(path: string, body?: unknown, authorization = basic()) {
  const response = await fetch(new URL(path, sandbox.baseUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body }
}

const UPSERT = '/v2/integrations/customer/upsert/bulk?source=INSTORE&skipChangeIdentifier=false'

function customer(externalId: string, extra: Record<string, unknown> = {}, loyaltyType = 'loyalty') {
  return {
    loyaltyInfo: { loyaltyType },
    profiles: [{ firstName: 'Ada', identifiers: [{ type: 'externalId', value: externalId }], ...extra }],
  }
}

describe('capillary sandbox', () => {
  it('upserts: registers with createdId, then updates the same customer by identifier', async () => {
    await start()
    const first = await call(UPSERT, [customer('A'), customer('B')])
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ totalCount: 2, failureCount: 0 })
    expect(first.body.response[0]).toMatchObject({ errors: [], warnings: [] })
    expect(first.body.response[0]!.createdId).toBe(first.body.response[0]!.entityId)
    const second = await call(UPSERT, [customer('A')])
    expect(second.body.response[0]!.entityId).toBe(first.body.response[0]!.entityId)
    expect(second.body.response[0]!.createdId).toBeUndefined()
    expect(sandbox.customerCount()).toBe(2)
  })

  it('keeps identifiers apart per source', async () => {
    await start()
    await call(UPSERT, [customer('A')])
    await call('/v2/integrations/customer/upsert/bulk?source=WEBSITE', [customer('A')])
    expect(sandbox.customerCount()).toBe(2)
  })

  it('answers invalid email and mobile as warnings and drops them; no valid identifier is 8005', async () => {
    await start()
    const item = {
      loyaltyInfo: { loyaltyType: 'loyalty' },
      profiles: [
        {
          identifiers: [
            { type: 'externalId', value: 'X' },
            { type: 'email', value: 'not an email' },
            { type: 'mobile', value: '+44 20' },
          ],
        },
      ],
    }
    const none = {
      loyaltyInfo: { loyaltyType: 'loyalty' },
      profiles: [{ identifiers: [{ type: 'mobile', value: '12' }] }],
    }
    const { body } = await call(UPSERT, [item, none])
    expect(body.response[0]!.errors).toEqual([])
    expect(body.response[0]!.warnings.map((warning) => warning.code)).toEqual([8055, 8056])
    expect(sandbox.customers()[0]!.identifiers).toEqual([{ type: 'externalId', value: 'X' }])
    expect(body.response[1]!.errors[0]).toMatchObject({ status: false, code: 8005 })
    expect(body.failureCount).toBe(1)
  })

  it('refuses per item with Capillary codes: 8013, 8017, 8018, 8008, 91015 and 521', async () => {
    await start()
    await call(UPSERT, [
      customer('A'),
      customer('B', {
        identifiers: [
          { type: 'externalId', value: 'B' },
          { type: 'email', value: 'b@example.com' },
        ],
      }),
    ])
    const { body } = await call(UPSERT, [
      customer('C', { identifiers: [{ type: 'passport', value: '1' }] }),
      customer('D', { createDate: '2016-06-23' }),
      customer('A', {}, 'non_loyalty'),
      customer('A', {
        identifiers: [
          { type: 'externalId', value: 'A' },
          { type: 'email', value: 'b@example.com' },
        ],
      }),
      { ...customer('E'), extendedFields: { shoe_size: '9' } },
      customer('F'),
      customer('F'),
    ])
    expect(body.response.map((element) => element.errors[0]?.code ?? 'ok')).toEqual([
      8013,
      8017,
      8018,
      8008,
      91015,
      'ok',
      521,
    ])
  })

  it('refuses a request over the batch limit as a whole with 1060', async () => {
    await start({ batchLimit: 2 })
    const { status, body } = await call(UPSERT, [customer('A'), customer('B'), customer('C')])
    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({ status: false, code: 1060 })
    expect(sandbox.customerCount()).toBe(0)
  })

  it('refuses an invalid source (8003) and a multi-account source without accountId (8127)', async () => {
    await start()
    const bad = await call('/v2/integrations/customer/upsert/bulk?source=MARS', [customer('A')])
    expect(bad.body.errors[0]!.code).toBe(8003)
    const wechat = await call('/v2/integrations/customer/upsert/bulk?source=WECHAT', [customer('A')])
    expect(wechat.body.errors[0]!.code).toBe(8127)
  })

  it('answers 413 above the body limit, 401 for a wrong password and 429 past the rate limit', async () => {
    await start({ rateLimitPerMinute: 2 })
    const big = await call(UPSERT, JSON.stringify([customer('x'.repeat(1_100_000))]))
    expect(big.status).toBe(413)
    const wrong = await call(UPSERT, [customer('A')], basic('not it'))
    expect(wrong.status).toBe(401)
    expect(wrong.body.errors[0]!.status).toBe(false)
    await call(UPSERT, [customer('A')])
    const limited = await call(UPSERT, [customer('A')])
    expect(limited.status).toBe(429)
    expect(limited.body.errors[0]!.code).toBe(429)
  })

  it('accepts a raw password only as its MD5 in Basic auth', async () => {
    await start()
    const raw = `Basic ${Buffer.from('sandbox.till:secret').toString('base64')}`
    expect((await call(UPSERT, [customer('A')], raw)).status).toBe(401)
  })

  it('looks customers up by identifier; unknown ones are 8015', async () => {
    await start()
    await call(UPSERT, [customer('A')])
    const found = await call(
      '/v2/customers/lookup/customerDetails?source=INSTORE&identifierName=externalId&identifierValue=A',
    )
    expect(found.status).toBe(200)
    const missing = await call(
      '/v2/customers/lookup/customerDetails?source=INSTORE&identifierName=externalId&identifierValue=Z',
    )
    expect(missing.body.errors[0]!.code).toBe(8015)
  })

  it('issues OAuth tokens for the right key and secret only', async () => {
    await start({ secrets: { tillPassword: 'secret', oauthClientSecret: 's3' } })
    const post = (body: unknown) =>
      fetch(new URL('/v3/oauth/token/generate', sandbox.baseUrl), {
        method: 'POST',
        body: JSON.stringify(body),
      })
    expect((await post({ key: 'sandbox-client', secret: 'nope' })).status).toBe(401)
    const good = (await (await post({ key: 'sandbox-client', secret: 's3' })).json()) as {
      data: { accessToken: string; ttlSeconds: number }
    }
    expect(good.data.ttlSeconds).toBe(3600)
    const response = await fetch(new URL(UPSERT, sandbox.baseUrl), {
      method: 'POST',
      headers: { 'x-cap-api-oauth-token': good.data.accessToken },
      body: JSON.stringify([customer('A')]),
    })
    expect(response.status).toBe(200)
  })
})

describe('capillary sandbox: PUT /v2/bulk (Update association details, the seed endpoint)', () => {
  async function put(path: string, body: unknown, authorization = basic()) {
    const response = await fetch(new URL(path, sandbox.baseUrl), {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as unknown }
  }
  const ASSOCIATE = '/v2/bulk?source=INSTORE'
  const linked = (externalId: string, associationDetails: Record<string, unknown>) => ({
    ...customer(externalId),
    associationDetails,
  })
  const parent = (externalId: string) => ({
    profiles: [
      { identifiers: [{ type: 'externalId', value: externalId }], source: 'INSTORE', accountId: '' },
    ],
  })

  it('answers a bare array, one customer per item in order, with errors [{}] on success', async () => {
    await start()
    await call(UPSERT, [customer('BOSS'), customer('DRIVER')])
    const { status, body } = await put(ASSOCIATE, [
      linked('BOSS', { hierarchyCode: 'FLEET', roleCode: 'FA' }),
      linked('DRIVER', {
        hierarchyCode: 'FLEET',
        roleCode: 'FC',
        parentCustomer: parent('BOSS'),
        fleetCompany: { externalId: 'ACME' },
      }),
    ])
    expect(status).toBe(200)
    const elements = body as {
      errors: unknown[]
      associationDetails: Record<string, unknown>
      profiles: unknown[]
    }[]
    expect(elements).toHaveLength(2)
    expect(elements.map((element) => element.errors)).toEqual([[{}], [{}]])
    expect(elements[1]!.associationDetails).toMatchObject({
      roleCode: 'FC',
      fleetCompany: { externalId: 'ACME' },
    })
    expect(elements[1]!.profiles).toHaveLength(1)
    const [boss, driver] = sandbox.customers()
    expect(driver!.association).toEqual({
      hierarchyCode: 'FLEET',
      roleCode: 'FC',
      parentId: boss!.id,
      fleetCompanyExternalId: 'ACME',
    })
  })

  it('refuses per item: unknown customer (8015), missing parent, wrong parent role, unknown hierarchy/role', async () => {
    await start()
    await call(UPSERT, [customer('TOP'), customer('A'), customer('B')])
    await put(ASSOCIATE, [linked('TOP', { hierarchyCode: 'FLEET', roleCode: 'GFA' })])
    const { body } = await put(ASSOCIATE, [
      linked('NOBODY', { hierarchyCode: 'FLEET', roleCode: 'GFA' }),
      linked('A', { hierarchyCode: 'FLEET', roleCode: 'SFA', parentCustomer: parent('GHOST') }),
      linked('A', { hierarchyCode: 'FLEET', roleCode: 'FA', parentCustomer: parent('TOP') }),
      linked('B', { hierarchyCode: 'OTHER', roleCode: 'GFA' }),
      linked('B', { hierarchyCode: 'FLEET', roleCode: 'CEO' }),
      linked('B', {}),
    ])
    const codes = (body as { errors: Code[] }[]).map((element) => element.errors[0]!.code)
    expect(codes).toEqual([8015, 8015, 8203, 8201, 8202, 8200])
    expect((body as { errors: Code[] }[])[1]!.errors[0]!.message).toMatch(/parent customer/)
    expect(sandbox.customers().filter((stored) => stored.association !== undefined)).toHaveLength(1)
  })

  it('checks source, batch limit and auth like the upsert', async () => {
    await start({ batchLimit: 2 })
    expect((await put('/v2/bulk?source=NOPE', [])).body).toMatchObject({ errors: [{ code: 8003 }] })
    expect((await put(ASSOCIATE, [{}, {}, {}])).body).toMatchObject({ errors: [{ code: 1060 }] })
    expect((await put(ASSOCIATE, [], basic('wrong'))).status).toBe(401)
  })
})
