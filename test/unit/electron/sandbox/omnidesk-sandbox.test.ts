import { afterEach, describe, expect, it } from 'vitest'
import type {
  OmnideskSandbox,
  OmnideskSandboxOptions,
} from '../../../../electron/engine/sandbox/omnidesk/server.ts'
import { startOmnideskSandbox } from '../../../../electron/engine/sandbox/omnidesk/server.ts'

// The Omnidesk sandbox answers as providers.md §5 and seed 004 describe: `apiKey` auth, form bodies,
// `{"status":"error","message"}` errors, `{"type":"result","message"}` results, the list envelope,
// and state shared between search, create and update.

let sandbox: OmnideskSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: OmnideskSandboxOptions = {}): Promise<OmnideskSandbox> {
  sandbox = await startOmnideskSandbox({ secrets: { apiKey: 'key-1' }, ...options })
  return sandbox
}

const FORM = 'application/x-www-form-urlencoded'

async function call(
  method: string,
  path: string,
  fields?: Record<string, string>,
  headers: Record<string, string> = { apiKey: 'key-1' },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const init: RequestInit = { method, headers: { ...headers } }
  if (fields) {
    init.body = new URLSearchParams(fields).toString()
    ;(init.headers as Record<string, string>)['content-type'] = FORM
  }
  const response = await fetch(new URL(path, sandbox.baseUrl), init)
  return { status: response.status, body: await response.json(), headers: response.headers }
}

const search = (primaryId: string, brand = '1') =>
  call('POST', '/api/v2/customer/SearchByPrimaryExternalID', { primary_id: primaryId, brand_id: brand })

const create = (fields: Record<string, string>) =>
  call('POST', '/api/v2/customer/createCustomerCRUD', { brandID: '1', ...fields })

const update = (fields: Record<string, string>) =>
  call('PUT', '/api/v2/customer/updateCustomer', { brandID: '1', ...fields })

describe('Omnidesk sandbox', () => {
  it('requires the API key in the apiKey header or query', async () => {
    await start()
    const missing = await call('GET', '/api/v2/customer', undefined, {})
    expect(missing.status).toBe(401)
    expect(missing.body).toMatchObject({ status: 'error', message: expect.stringContaining('API key') })
    expect((await call('GET', '/api/v2/customer', undefined, { apiKey: 'nope' })).status).toBe(401)
    expect((await call('GET', '/api/v2/customer?apiKey=key-1', undefined, {})).status).toBe(200)
  })

  it('creates a customer that a search then finds, and lists it', async () => {
    await start()
    expect(await search('CRM-1')).toMatchObject({ status: 200, body: { items: [], itemTotal: 0 } })
    const created = await create({
      primaryID: 'CRM-1',
      firstname: 'Jane',
      lastname: "O'Connor",
      custom_tier: 'gold',
      customerChannelType_0: 'email',
      customerChannelValue_0: 'jane@acme.com',
      customerChannelType_1: 'telephone',
      customerChannelValue_1: '+31612345678',
    })
    expect(created).toMatchObject({ status: 200, body: { type: 'result', message: 'Customer created.' } })
    const found = await search('CRM-1')
    expect(found.body).toEqual({
      type: 'result',
      itemStart: 0,
      itemTotal: 1,
      itemLimit: 1,
      items: [
        {
          id: 1,
          external_primary_id: 'CRM-1',
          brand_name: 'Sandbox brand',
          firstname: 'Jane',
          lastname: "O'Connor",
          channels: [
            { type: 'email', value: 'jane@acme.com' },
            { type: 'telephone', value: '+31612345678' },
          ],
          custom_fields: { tier: 'gold' },
        },
      ],
    })
    const list = await call('GET', '/api/v2/customer?itemStart=0&itemLimit=5')
    expect(list.body).toMatchObject({ type: 'result', itemStart: 0, itemTotal: 1, itemLimit: 5 })
    expect(sandbox.customerCount()).toBe(1)
  })

  it('accepts multipart/form-data on POST, as the docs show', async () => {
    await start()
    const form = new FormData()
    form.set('primaryID', 'CRM-9')
    form.set('brandID', '1')
    form.set('firstname', 'Jürgen')
    const response = await fetch(new URL('/api/v2/customer/createCustomerCRUD', sandbox.baseUrl), {
      method: 'POST',
      headers: { apiKey: 'key-1' },
      body: form,
    })
    expect(response.status).toBe(200)
    expect(sandbox.customers()[0]).toMatchObject({ primaryId: 'CRM-9', firstname: 'Jürgen' })
  })

  it('refuses a second customer with the same primary ID in the brand', async () => {
    await start()
    await create({ primaryID: 'CRM-1' })
    const again = await create({ primaryID: 'CRM-1' })
    expect(again.status).toBe(400)
    expect(again.body).toEqual({
      status: 'error',
      message: 'A customer with primaryID "CRM-1" already exists for brand 1.',
    })
    expect(sandbox.customerCount()).toBe(1)
  })

  it('validates names, channels and brand with Omnidesk error bodies', async () => {
    await start()
    const cases: [Record<string, string>, string][] = [
      [{ primaryID: 'A', firstname: 'Łukasz' }, 'The firstname field format is invalid.'],
      [{ primaryID: 'A', lastname: 'Smith 3rd' }, 'The lastname field format is invalid.'],
      [
        { primaryID: 'A', customerChannelType_0: 'telephone', customerChannelValue_0: '0612345678' },
        'The customerChannelValue_0 field format is invalid.',
      ],
      [
        { primaryID: 'A', customerChannelType_0: 'email', customerChannelValue_0: 'jane@@acme' },
        'The customerChannelValue_0 must be a valid email address.',
      ],
      [
        { primaryID: 'A', customerChannelType_0: 'pigeon', customerChannelValue_0: 'x' },
        'The customerChannelType_0 field format is invalid.',
      ],
      [
        { primaryID: 'A', customerChannelValue_0: 'jane@acme.com' },
        'The customerChannelType_0 field is required when customerChannelValue_0 is present.',
      ],
      [
        { primaryID: 'A', custom_notes: 'x'.repeat(256) },
        'The custom_notes may not be greater than 255 characters.',
      ],
      [{ firstname: 'Jane' }, 'The primaryID field is required.'],
      [{ primaryID: 'A', brandID: '7' }, 'Brand 7 does not exist.'],
    ]
    for (const [fields, message] of cases) {
      const response = await create(fields)
      expect(response, message).toMatchObject({ status: 400, body: { status: 'error', message } })
    }
    expect(sandbox.customerCount()).toBe(0)
  })

  it('updates by external primary ID, leaving omitted fields and existing channels alone', async () => {
    await start()
    await create({
      primaryID: 'C-1',
      firstname: 'Jane',
      lastname: 'Doe',
      customerChannelType_0: 'email',
      customerChannelValue_0: 'a@x.com',
    })
    const updated = await update({
      externalPrimaryID: 'C-1',
      lastname: 'Smith',
      customerChannelType_0: 'email',
      customerChannelValue_0: 'A@x.com',
      customerChannelType_1: 'telephone',
      customerChannelValue_1: '+4915112345678',
    })
    expect(updated).toMatchObject({ status: 200, body: { type: 'result', message: 'Customer updated.' } })
    expect(sandbox.customers()[0]).toMatchObject({
      firstname: 'Jane',
      lastname: 'Smith',
      channels: [
        { type: 'email', value: 'a@x.com' },
        { type: 'telephone', value: '+4915112345678' },
      ],
    })
    const missing = await update({ externalPrimaryID: 'C-404' })
    expect(missing).toMatchObject({ status: 404, body: { status: 'error', message: 'Customer not found.' } })
  })

  it('finds a customer by channel value and updates it by internal id', async () => {
    await start()
    await create({
      primaryID: 'C-1',
      customerChannelType_0: 'email',
      customerChannelValue_0: 'jane@acme.com',
    })
    const found = await call('POST', '/api/v2/customer/SearchByCustomerChannelValue', {
      customerChannelValue: 'JANE@acme.com',
      brand_id: '1',
    })
    expect(found.body).toMatchObject({ itemTotal: 1, items: [{ id: 1, external_primary_id: 'C-1' }] })
    const updated = await call('PUT', '/api/v2/customer/1', { brandID: '1', firstname: 'Jane' })
    expect(updated).toMatchObject({ status: 200, body: { type: 'result', message: 'Customer updated.' } })
    expect(sandbox.customers()[0]).toMatchObject({ firstname: 'Jane' })
    expect((await call('PUT', '/api/v2/customer/2', { brandID: '1' })).status).toBe(404)
  })

  it('reads PUT bodies only when urlencoded', async () => {
    await start()
    await create({ primaryID: 'C-1' })
    const form = new FormData()
    form.set('externalPrimaryID', 'C-1')
    form.set('brandID', '1')
    const response = await fetch(new URL('/api/v2/customer/updateCustomer', sandbox.baseUrl), {
      method: 'PUT',
      headers: { apiKey: 'key-1' },
      body: form,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'Send the fields as application/x-www-form-urlencoded.',
    })
  })

  it('limits the list page to 99 and the query to letters, digits and spaces', async () => {
    await start()
    expect((await call('GET', '/api/v2/customer?itemLimit=100')).status).toBe(400)
    expect((await call('GET', '/api/v2/customer?query=a%26b')).body).toEqual({
      status: 'error',
      message: 'The query field format is invalid.',
    })
  })

  it('answers 429 with Retry-After when the rate limit is spent', async () => {
    await start({ rateLimit: 2, rateLimitWindowMs: 60_000 })
    expect((await search('A')).status).toBe(200)
    expect((await search('A')).status).toBe(200)
    const limited = await search('A')
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Too many requests'),
    })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  it('answers 413 for a body over its limit', async () => {
    await start()
    const response = await create({ primaryID: 'A', custom_big: 'x'.repeat(120_000) })
    expect(response.status).toBe(413)
    expect(response.body).toMatchObject({ status: 'error' })
  })

  it('renders injected faults in Omnidesk format', async () => {
    await start({ faults: { serverErrorRate: 1 } })
    const failed = await search('A')
    expect(failed).toMatchObject({ status: 500, body: { status: 'error' } })
  })
})
