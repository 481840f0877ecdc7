import { afterEach, describe, expect, it } from 'vitest'
import type {
  ThuliumSandbox,
  ThuliumSandboxOptions,
} from '../../../../electron/engine/sandbox/thulium/server.ts'
import { startThuliumSandbox } from '../../../../electron/engine/sandbox/thulium/server.ts'

// The sandbox's contract, as providers.md §4 and seed 003 document Thulium: Basic auth, batch
// create/update answered per position, the customer search, and the limits chosen where the
// documents are silent.

let sandbox: ThuliumSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: ThuliumSandboxOptions = {}): Promise<ThuliumSandbox> {
  sandbox = await startThuliumSandbox({ secrets: { password: 'secret' }, ...options })
  return sandbox
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

async function call(method: string, path: string, body?: unknown, auth = basic('api_user', 'secret')) {
  const response = await fetch(new URL(path, sandbox.baseUrl), {
    method,
    headers: { authorization: auth, 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown }
}

describe('Thulium sandbox', () => {
  it('accepts the API user set up for it and nothing else', async () => {
    await start()
    expect(sandbox.settings).toEqual({ subdomain: 'sandbox', user: 'api_user' })
    expect(sandbox.secrets).toEqual({ password: 'secret' })
    const wrong = await call('GET', '/api/customers', undefined, basic('api_user', 'nope'))
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="Thulium API"')
    expect(wrong.body).toEqual({ http_status: 401, message: expect.stringMatching(/login and password/) })
    expect((await call('GET', '/api/customers', undefined, 'Bearer secret')).status).toBe(401)
    expect((await call('GET', '/api/customers')).status).toBe(200)
  })

  it('creates a batch and answers per position, keeping the good customers of a mixed batch', async () => {
    await start()
    const created = await call('POST', '/api/batch/customers', {
      customers: [
        { surname: 'Kowalski', identifier: 'CRM-1', address: { city: 'Warszawa' }, vip: true },
        { phone_number: '333444555' },
        { surname: 'Nowak', phone_number: '333-444-555' },
        { surname: 'Wiśniewska', type: 'Klient detaliczny', group: 'Gold' },
        { surname: 'Zieliński', emial: 'typo@example.com' },
        { surname: 'Dąbrowski', email: 'a@example.com,b@example.com', phone_number: '48555666777' },
      ],
    })
    expect(created).toMatchObject({ status: 200 })
    expect(created.body).toEqual({
      '0': { http_status: 201, customer_id: '1' },
      '1': { http_status: 400, message: 'Surname is required.' },
      '2': { http_status: 400, message: 'Phone number must be numeric.' },
      '3': { http_status: 400, message: 'Customer group "Gold" does not exist.' },
      '4': { http_status: 400, message: 'Unknown field: emial.' },
      '5': { http_status: 201, customer_id: '2' },
    })
    expect(sandbox.customerCount()).toBe(2)
  })

  it('finds customers by identifier and updates them by customer_id, merging what is sent', async () => {
    await start()
    await call('POST', '/api/batch/customers', {
      customers: [
        {
          surname: 'Kowalski',
          identifier: 'CRM-1',
          address: { city: 'Kraków', street: 'Długa' },
          custom_fields: { Kraj: 'PL', Źródło: 'web' },
        },
        { surname: 'Nowak', identifier: 'CRM-2' },
        { surname: 'Nowak', identifier: 'CRM-2' },
      ],
    })
    const one = await call('GET', '/api/customers?identifier=CRM-1&limit=2')
    expect(one.body).toEqual([expect.objectContaining({ customer_id: '1', surname: 'Kowalski' })])
    expect((await call('GET', '/api/customers?identifier=CRM-2')).body).toHaveLength(2)
    expect((await call('GET', '/api/customers?identifier=CRM-2&limit=1')).body).toHaveLength(1)
    expect((await call('GET', '/api/customers?identifier=nobody')).body).toEqual([])

    const updated = await call('PUT', '/api/batch/customers', {
      customers: [
        { customer_id: '1', name: 'Jan', address: { city: 'Warszawa' }, custom_fields: { Źródło: '' } },
        { customer_id: '999', name: 'Ghost' },
        { name: 'No id' },
      ],
    })
    expect(updated.body).toEqual({
      '0': { http_status: 200, customer_id: '1' },
      '1': { http_status: 404, message: 'Customer not found.' },
      '2': { http_status: 400, message: 'Field customer_id is required.' },
    })
    expect((await call('GET', '/api/customers/1')).body).toEqual({
      customer_id: '1',
      surname: 'Kowalski',
      identifier: 'CRM-1',
      name: 'Jan',
      address: { city: 'Warszawa', street: 'Długa' },
      custom_fields: { Kraj: 'PL' },
    })
    expect((await call('GET', '/api/customers/999')).status).toBe(404)
    expect(sandbox.customerCount()).toBe(3)
  })

  it('refuses malformed, empty and oversized batches as a whole', async () => {
    await start()
    expect(await call('POST', '/api/batch/customers', '{"customers":')).toMatchObject({
      status: 400,
      body: { http_status: 400, message: 'Request body must be valid JSON.' },
    })
    expect((await call('POST', '/api/batch/customers', { customers: [] })).status).toBe(400)
    const tooMany = await call('POST', '/api/batch/customers', {
      customers: Array.from({ length: 101 }, (_, i) => ({ surname: `N${i}` })),
    })
    expect(tooMany).toMatchObject({ status: 400, body: { message: expect.stringMatching(/limit is 100/) } })
    const tooBig = await call('POST', '/api/batch/customers', {
      customers: [{ surname: 'x', note: 'y'.repeat(500_001) }],
    })
    expect(tooBig.status).toBe(413)
    expect(sandbox.customerCount()).toBe(0)
  })

  it('rate-limits with 429 and Retry-After, counting only authenticated requests', async () => {
    await start({ rateLimit: 2, rateLimitWindowMs: 60_000 })
    await call('GET', '/api/customers', undefined, basic('api_user', 'nope'))
    expect((await call('GET', '/api/customers')).status).toBe(200)
    expect((await call('GET', '/api/customers')).status).toBe(200)
    const limited = await call('POST', '/api/batch/customers', { customers: [{ surname: 'Nowak' }] })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited.body).toEqual({ http_status: 429, message: expect.any(String) })
    expect(sandbox.customerCount()).toBe(0)
  })

  it('renders injected faults in Thulium format without processing the request', async () => {
    await start({ faults: { serverErrorRate: 1 } })
    const failed = await call('POST', '/api/batch/customers', { customers: [{ surname: 'Nowak' }] })
    expect(failed).toMatchObject({ status: 500, body: { http_status: 500 } })
    await sandbox.close()
    await start({ faults: { rateLimitRate: 1 } })
    const limited = await call('POST', '/api/batch/customers', { customers: [{ surname: 'Nowak' }] })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(sandbox.customerCount()).toBe(0)
  })
})
