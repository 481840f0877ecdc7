import { afterEach, describe, expect, it } from 'vitest'
import type {
  KustomerSandbox,
  KustomerSandboxOptions,
} from '../../../../electron/engine/sandbox/kustomer/server.ts'
import { startKustomerSandbox } from '../../../../electron/engine/sandbox/kustomer/server.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { buildCustomer } from '#shared/providers/kustomer/request.ts'

// The sandbox's contract is Kustomer's documented API: what a new user's first import runs against.

let sandbox: KustomerSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: KustomerSandboxOptions = {}): Promise<KustomerSandbox> {
  sandbox = await startKustomerSandbox({ faults: { jobDelayMs: 20 }, ...options })
  return sandbox
}

interface ItemResult {
  _clientRef?: string
  objectId?: string
  status: string
  error?: string
}
interface BatchAttributes {
  status: string
  successCount: number
  failureCount: number
  objectIds: string[]
  results?: ItemResult[]
}
/** The parts of the sandbox's JSON:API bodies the tests read. */
interface ApiBody {
  data: { id: string; type: string; attributes: { status: string } }
  errors: { status: string; title: string; detail: string }[]
}

async function call(method: string, path: string, body?: unknown, key = sandbox.secrets['apiKey']) {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as ApiBody }
}

/** Submits a bulk request and returns the job's batches once it is complete. */
async function bulk(method: 'POST' | 'PUT', items: unknown[]): Promise<BatchAttributes> {
  const submit = await call(method, '/v1/customers/bulk', items)
  expect(submit.status).toBe(201)
  const id: string = submit.body.data.id
  for (;;) {
    const poll = await call('GET', `/v1/bulk/${id}`)
    if (poll.body.data.attributes.status === 'complete') break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const batches = (await call('GET', `/v1/bulk/${id}/batches`)).body.data as unknown as {
    attributes: BatchAttributes
  }[]
  return batches[0]!.attributes
}

describe('Kustomer sandbox', () => {
  it('starts through the registry on loopback with a random key', async () => {
    const first = await startSandbox('kustomer', {})
    const second = await startSandbox('kustomer', { secrets: { apiKey: 'chosen' } })
    try {
      expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(first.secrets['apiKey']).not.toBe('')
      expect(second.secrets['apiKey']).toBe('chosen')
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })

  it('refuses a missing or wrong key with a JSON:API 401', async () => {
    await start()
    const wrong = await call('POST', '/v1/customers/bulk', [{ name: 'A' }], 'nope')
    expect(wrong.status).toBe(401)
    expect(wrong.body.errors[0]).toMatchObject({ status: '401', title: 'Unauthorized' })
    const none = await fetch(`${sandbox.baseUrl}/v1/bulk/x`)
    expect(none.status).toBe(401)
  })

  it('refuses bodies over 100 kB with 413', async () => {
    await start()
    const response = await call('POST', '/v1/customers/bulk', [{ name: 'x'.repeat(100_000) }])
    expect(response.status).toBe(413)
    expect(response.body.errors[0]?.detail).toMatch(/100000 bytes/)
  })

  it.each([
    ['invalid JSON', '[{'],
    ['an object', { name: 'A' }],
    ['an empty array', []],
    ['101 items', Array.from({ length: 101 }, () => ({}))],
    ['mixed _clientRef', [{ _clientRef: 'a' }, { name: 'B' }]],
    ['an empty _clientRef', [{ _clientRef: '' }]],
    ['a long _clientRef', [{ _clientRef: 'r'.repeat(256) }]],
    ['a repeated _clientRef', [{ _clientRef: 'a' }, { _clientRef: 'a' }]],
  ])('refuses %s with 400 and creates nothing', async (_, body) => {
    await start()
    const response = await call('POST', '/v1/customers/bulk', body)
    expect(response.status).toBe(400)
    expect(response.body.errors[0]?.detail).toEqual(expect.any(String))
    expect(sandbox.customers()).toEqual([])
  })

  it('processes a bulk create asynchronously: queued, running, complete', async () => {
    await start({ faults: { jobDelayMs: 200 } })
    const submit = await call('POST', '/v1/customers/bulk', [{ _clientRef: 'row-2', name: 'Ada' }])
    expect(submit.status).toBe(201)
    expect(submit.body.data).toMatchObject({ type: 'bulk', attributes: { status: 'queued' } })
    const id = submit.body.data.id
    expect(sandbox.customers()).toEqual([])
    const seen = new Set<string>()
    for (;;) {
      const poll = await call('GET', `/v1/bulk/${id}`)
      expect(poll.body.data).toMatchObject({ id, type: 'bulk', attributes: { batches: { total: 1 } } })
      seen.add(poll.body.data.attributes.status)
      if (poll.body.data.attributes.status === 'complete') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect([...seen]).toEqual(['queued', 'running', 'complete'])
    const batches = await call('GET', `/v1/bulk/${id}/batches`)
    const [customer] = sandbox.customers()
    expect(customer?.id).toMatch(/^[0-9a-f]{24}$/)
    expect((batches.body.data as unknown as { attributes: BatchAttributes }[])[0]?.attributes).toMatchObject({
      status: 'complete',
      successCount: 1,
      failureCount: 0,
      objectIds: [customer?.id],
      results: [{ _clientRef: 'row-2', objectId: customer?.id, status: 'created' }],
    })
  })

  it('reports per-item errors and creates the rest', async () => {
    await start()
    const attributes = await bulk('POST', [
      { _clientRef: 'ok', name: 'Ok', emails: [{ email: 'ok@example.com', type: 'work' }] },
      { _clientRef: 'email', emails: [{ email: 'bob@@x' }] },
      { _clientRef: 'phone', phones: [{ phone: '+14155550100', type: 'pager' }] },
      { _clientRef: 'gender', gender: 'x' },
      { _clientRef: 'suffix', custom: { loyaltyTier: 'gold' } },
      { _clientRef: 'type', custom: { visitsNum: 'three' } },
      { _clientRef: 'with-id', id: '0123456789abcdef01234567' },
    ])
    expect(attributes).toMatchObject({ successCount: 1, failureCount: 6 })
    expect(
      Object.fromEntries((attributes.results ?? []).map((r) => [r._clientRef, r.error ?? r.status])),
    ).toEqual({
      ok: 'created',
      email: 'emails.0.email: "bob@@x" is not a valid email address',
      phone: expect.stringMatching(/^phones\.0\.type: "pager" is not one of/),
      gender: expect.stringMatching(/^gender:/),
      suffix: expect.stringMatching(/^custom\.loyaltyTier: .*Str, Txt, Num, At, Bool or Url/),
      type: 'custom.visitsNum: must be a number',
      'with-id': expect.stringMatching(/^id: must not be set/),
    })
    expect(sandbox.customers()).toHaveLength(1)
  })

  it('detects duplicate externalIds, stored or repeated in one request', async () => {
    await start()
    await bulk('POST', [{ _clientRef: 'a', externalId: 'CRM-1' }])
    const attributes = await bulk('POST', [
      { _clientRef: 'b', externalId: 'CRM-1' },
      { _clientRef: 'c', externalId: 'CRM-2' },
      { _clientRef: 'd', externalId: 'CRM-2' },
    ])
    expect((attributes.results ?? []).map((r) => r.error ?? r.status)).toEqual([
      'duplicate detected',
      'created',
      'duplicate detected',
    ])
    expect(sandbox.customers()).toHaveLength(2)
  })

  it('updates by id with PUT and finds customers by externalId', async () => {
    await start()
    const created = await bulk('POST', [{ _clientRef: 'a', name: 'Ada', externalId: 'CRM-1' }])
    const id = created.objectIds[0]
    const updated = await bulk('PUT', [
      { _clientRef: 'a', id, name: 'Ada Lovelace', externalId: 'CRM-9' },
      { _clientRef: 'b', name: 'No id' },
      { _clientRef: 'c', id: 'ffffffffffffffffffffffff' },
    ])
    expect(updated.results).toEqual([
      { _clientRef: 'a', objectId: id, status: 'updated' },
      { _clientRef: 'b', status: 'error', error: 'id: is required to update a customer' },
      { _clientRef: 'c', status: 'error', error: expect.stringMatching(/^id: no customer/) },
    ])
    const found = await call('GET', '/v1/customers/externalId=CRM-9')
    expect(found.status).toBe(200)
    expect(found.body.data).toMatchObject({ type: 'customer', id, attributes: { name: 'Ada Lovelace' } })
    expect((await call('GET', '/v1/customers/externalId=CRM-1')).status).toBe(404)
    expect((await call('GET', `/v1/customers/${id}`)).status).toBe(200)
  })

  it('checks the rest of the documented customer object: locations, socials, urls, dates, sentiment', async () => {
    await start()
    const full = {
      locations: [{ type: 'home', address: '1 Main St', cityName: 'Springfield', countryCode: 'US' }],
      socials: [{ type: 'twitter', username: '@ada' }],
      urls: [{ type: 'blog', url: 'https://ada.example.com' }],
      birthdayAt: '1990-05-01T00:00:00.000Z',
      sentiment: { polarity: -1, confidence: 0.5 },
      custom: { spendNum: 12.5, firstOrderAt: '2024-01-02T00:00:00.000Z', optInBool: true },
    }
    const attributes = await bulk('POST', [
      { _clientRef: 'full', ...full },
      { _clientRef: 'location', locations: [{ type: 'moon' }] },
      { _clientRef: 'country', locations: [{ type: 'home', countryCode: 'Poland' }] },
      { _clientRef: 'countryCase', locations: [{ countryCode: 'pl' }] },
      {
        _clientRef: 'secondEmail',
        emails: [{ email: 'a@example.com' }, { email: 'b@example.com', type: 'cell' }],
      },
      { _clientRef: 'social', socials: [{ username: '@ada' }] },
      { _clientRef: 'username', socials: [{ type: 'twitter' }] },
      { _clientRef: 'url', urls: [{ url: 'not a url' }] },
      { _clientRef: 'date', birthdayAt: '1990-05-01' },
      { _clientRef: 'polarity', sentiment: { polarity: 2, confidence: 1 } },
      { _clientRef: 'confidence', sentiment: { polarity: 1 } },
    ])
    expect(
      Object.fromEntries((attributes.results ?? []).map((r) => [r._clientRef, r.error ?? r.status])),
    ).toEqual({
      full: 'created',
      location: expect.stringMatching(/^locations\.0\.type: "moon" is not one of home, work, other/),
      country: 'locations.0.countryCode: "Poland" is not an ISO 3166-1 alpha-2 country code',
      countryCase: 'locations.0.countryCode: "pl" is not an ISO 3166-1 alpha-2 country code',
      secondEmail: 'emails.1.type: "cell" is not one of home, work, other',
      social: expect.stringMatching(/^socials\.0\.type: undefined is not one of twitter/),
      username: 'socials.0.username: is required',
      url: 'urls.0.url: "not a url" is not a URL',
      date: 'birthdayAt: "1990-05-01" is not an ISO 8601 date-time',
      polarity: 'sentiment.polarity: 2 is not one of -1, 0, 1',
      confidence: 'sentiment.confidence: must be a number',
    })
    expect(sandbox.customers()[0]?.attributes).toMatchObject(full)
  })

  it('accepts every field Crosswalk maps, as the request builder sends it', async () => {
    await start()
    // One cell for every field of the schema and every custom attribute type, in spreadsheet spelling.
    const record = {
      name: 'Ada Lovelace',
      externalId: 'CRM-1',
      username: 'ada',
      'emails.0.email': 'ada@work.example',
      'emails.0.type': 'Work',
      'emails.1.email': 'ada@home.example',
      'emails.1.type': 'home',
      'phones.0.phone': '+44 20 7946 0000',
      'phones.0.type': 'mobile',
      'phones.1.phone': '+48 600 100 200',
      'phones.1.type': 'FAX',
      'locations.0.address': '1 Main St',
      'locations.0.address2': 'Flat 2',
      'locations.0.cityName': 'Springfield',
      'locations.0.regionCode': 'IL',
      'locations.0.regionName': 'Illinois',
      'locations.0.zipCode': '62701',
      'locations.0.countryCode': 'us',
      'locations.0.countryName': 'United States',
      'locations.0.type': 'home',
      'socials.0.username': '@ada',
      'socials.0.type': 'linkedin',
      'urls.0.url': 'https://ada.example.com',
      'urls.0.type': 'website',
      locale: 'en_GB',
      timeZone: 'Europe/London',
      gender: 'Female',
      birthdayAt: '1990-05-01',
      signedUpAt: '2024-03-01 09:30',
      lastActivityAt: '2024-03-02T10:00:00+02:00',
      lastSeenAt: '2024-03-02T10:00Z',
      createdAt: '2020-01-01',
      importedAt: '2024-03-03T00:00:00.000Z',
      'sentiment.polarity': '0',
      'sentiment.confidence': '0,5',
      tags: 'vip; newsletter',
      'custom.tierStr': 'gold',
      'custom.notesTxt': 'Prefers email',
      'custom.spendNum': '1 234,5',
      'custom.firstOrderAt': '2024-01-02',
      'custom.optInBool': 'yes',
      'custom.profileUrl': 'https://example.com/ada',
    }
    const keys = new Set(Object.keys(record))
    expect(kustomer.fields.filter((field) => !keys.has(field.key))).toEqual([])
    expect(validateRecord(kustomer, record)).toEqual([])
    const attributes = await bulk('POST', [buildCustomer(record, 'row-2')])
    expect(attributes.results).toEqual([expect.objectContaining({ _clientRef: 'row-2', status: 'created' })])
    expect(sandbox.customers()[0]?.attributes).toMatchObject({
      gender: 'f',
      birthdayAt: '1990-05-01T00:00:00.000Z',
      locations: [expect.objectContaining({ countryCode: 'US', regionCode: 'IL' })],
      custom: { spendNum: 1234.5, optInBool: true, firstOrderAt: '2024-01-02T00:00:00.000Z' },
    })
  })

  it('finds customers by email, ignoring case, and forgets an address an update removed', async () => {
    await start()
    const created = await bulk('POST', [
      { _clientRef: 'a', name: 'Ada', emails: [{ email: 'Ada@Example.com' }] },
      { _clientRef: 'b', name: 'Ada too', emails: [{ email: 'ada@example.com' }] },
    ])
    const [first, second] = created.objectIds
    const found = await call('GET', `/v1/customers/email=${encodeURIComponent('ADA@example.com')}`)
    expect(found.status).toBe(200)
    expect(found.body.data).toMatchObject({ type: 'customer', id: first })
    await bulk('PUT', [{ _clientRef: 'a', id: first, name: 'Ada', emails: [{ email: 'ada@new.example' }] }])
    expect((await call('GET', '/v1/customers/email=ada@example.com')).body.data.id).toBe(second)
    expect((await call('GET', '/v1/customers/email=ada@new.example')).body.data.id).toBe(first)
    const missing = await call('GET', '/v1/customers/email=nobody@example.com')
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0]?.detail).toMatch(/no customer with email/)
  })

  it('lists customers 100 a page in the order they were created', async () => {
    await start()
    const items = Array.from({ length: 150 }, (_, index) => ({
      _clientRef: `r${index}`,
      externalId: `E${index}`,
    }))
    await bulk('POST', items.slice(0, 100))
    await bulk('POST', items.slice(100))
    const links: unknown[] = []
    const page = async (n: number) => {
      const body = (await call('GET', `/v1/customers?page=${n}&pageSize=100`)).body as unknown as {
        data: { attributes: { externalId: string } }[]
        links: { next: string | null }
      }
      links.push(body.links.next)
      return body.data
    }
    const [one, two, three] = [await page(1), await page(2), await page(3)]
    expect(one.map((c) => c.attributes.externalId)).toEqual(items.slice(0, 100).map((i) => i.externalId))
    expect(two.map((c) => c.attributes.externalId)).toEqual(items.slice(100).map((i) => i.externalId))
    expect(three).toEqual([])
    expect(links).toEqual(['/v1/customers?page=2&pageSize=100', null, null])
  })

  it('leaves results out when the request had no _clientRef', async () => {
    await start()
    const attributes = await bulk('POST', [{ name: 'A' }, { emails: [{ email: 'x' }] }])
    expect(attributes.results).toBeUndefined()
    expect(attributes).toMatchObject({ successCount: 1, failureCount: 1, objectIds: [expect.any(String)] })
  })

  it('answers unknown routes and bulk ids with 404 JSON', async () => {
    await start()
    expect((await call('GET', '/v1/bulk/nope')).status).toBe(404)
    expect((await call('GET', '/v1/bulk/nope/batches')).status).toBe(404)
    const unknown = await call('GET', '/v2/whatever')
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0]?.detail).toContain('/v2/whatever')
  })

  it('sends rate limit headers and answers 429 over the limit until the window resets', async () => {
    await start({ rateLimitPerMinute: 2, rateLimitWindowMs: 300 })
    const first = await call('GET', '/v1/bulk/x')
    expect(first.headers.get('x-ratelimit-limit')).toBe('2')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1')
    expect(first.headers.get('x-ratelimit-reset')).toBe('1')
    expect((await call('GET', '/v1/bulk/x')).headers.get('x-ratelimit-remaining')).toBe('0')
    const limited = await call('POST', '/v1/customers/bulk', [{ name: 'A' }])
    expect(limited.status).toBe(429)
    expect(limited.body.errors[0]?.title).toBe('Too Many Requests')
    await new Promise((resolve) => setTimeout(resolve, 320))
    expect((await call('GET', '/v1/bulk/x')).status).toBe(404)
    expect(sandbox.customers()).toEqual([])
  })
})
