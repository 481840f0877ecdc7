import { afterEach, describe, expect, it } from 'vitest'
import type { PropellerSandbox } from '../../../../electron/engine/sandbox/propeller/server.ts'
import { startPropellerSandbox } from '../../../../electron/engine/sandbox/propeller/server.ts'

// The sandbox's `POST /v2/customers/bulk/id` (providers.md §3, bulk-customers-by-id): the item names
// its customer by Propeller `id` (a number; `key` echoes it, `lookupKey: "id"`), `sourceId` is
// optional and `source` required only with it, the schema is closed but also allows `company` and
// `mobile`, an unknown id creates a customer under a new id, and skipCreate turns that into a
// "not found" item failure. Both endpoints share one store.

let sandbox: PropellerSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function accessToken(): Promise<string> {
  const response = await fetch(`${sandbox.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.settings['clientId']!,
      client_secret: sandbox.secrets['clientSecret']!,
    }).toString(),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

async function post(lookup: 'id' | 'sourceId', body: unknown): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/v2/customers/bulk/${lookup}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await accessToken()}` },
    body: JSON.stringify(body),
  })
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>
}

/** Creates customers through the sourceId endpoint and returns their Propeller ids. */
async function seed(...sourceIds: string[]): Promise<number[]> {
  const body = await json(
    await post('sourceId', { customers: sourceIds.map((sourceId) => ({ source: 'SHOP', sourceId })) }),
  )
  return (body['data'] as { id: number }[]).map((item) => item.id)
}

describe('Propeller sandbox: bulk by id', () => {
  it('updates the customer with that id, answering with the id as key', async () => {
    sandbox = await startPropellerSandbox()
    const [id] = await seed('C-1')
    const response = await post('id', { customers: [{ id, firstName: 'Jan', mobile: '0612345678' }] })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toMatch(/\S/)
    expect(await json(response)).toEqual({
      data: [{ action: 'update', id, key: id, lookupKey: 'id', success: true }],
      messages: ['Completed'],
      total: 1,
    })
    expect(sandbox.customers()[0]!.fields).toMatchObject({
      source: 'SHOP',
      sourceId: 'C-1',
      firstName: 'Jan',
    })
    expect(sandbox.customerCount()).toBe(1)
  })

  it('creates a customer under a new id when the id is unknown, and only updates with skipCreate', async () => {
    sandbox = await startPropellerSandbox()
    const created = await json(await post('id', { customers: [{ id: 999, lastName: 'Dijk' }] }))
    const item = (created['data'] as Record<string, unknown>[])[0]!
    expect(item).toMatchObject({ action: 'create', key: 999, lookupKey: 'id', success: true })
    expect(item['id']).not.toBe(999)
    expect(sandbox.customerCount()).toBe(1)

    const skipped = await json(
      await post('id', {
        customers: [{ id: 998, lastName: 'Dijk' }],
        directives: [{ operation: 'skipCreate', fields: [] }],
      }),
    )
    expect(skipped['data']).toEqual([
      { key: 998, lookupKey: 'id', success: false, error: 'Customer with id [998] not found' },
    ])
    expect(sandbox.customerCount()).toBe(1)
  })

  it('keeps non-empty fields listed in skipIfNotEmpty', async () => {
    sandbox = await startPropellerSandbox()
    const [id] = await seed('C-1')
    await post('id', { customers: [{ id, email: 'old@example.com' }] })
    await post('id', {
      customers: [{ id, email: 'new@example.com', firstName: 'Jan' }],
      directives: [{ operation: 'skipIfNotEmpty', fields: ['email', 'firstName'] }],
    })
    expect(sandbox.customers()[0]!.fields).toMatchObject({ email: 'old@example.com', firstName: 'Jan' })
  })

  it('moves a customer to the source id it is given, so the sourceId endpoint finds it there', async () => {
    sandbox = await startPropellerSandbox()
    const [id] = await seed('C-1')
    await post('id', { customers: [{ id, source: 'SHOP', sourceId: 'C-9' }] })
    const again = await json(await post('sourceId', { customers: [{ source: 'SHOP', sourceId: 'C-9' }] }))
    expect(again['data']).toMatchObject([{ action: 'update', id }])
    const old = await json(await post('sourceId', { customers: [{ source: 'SHOP', sourceId: 'C-1' }] }))
    expect(old['data']).toMatchObject([{ action: 'create' }])
  })

  it('refuses an item that would give it the source id of another customer', async () => {
    sandbox = await startPropellerSandbox()
    const [first] = await seed('C-1', 'C-2')
    const body = await json(await post('id', { customers: [{ id: first, source: 'SHOP', sourceId: 'C-2' }] }))
    expect(body['data']).toMatchObject([
      { key: first, success: false, error: expect.stringContaining('C-2') },
    ])
    expect(sandbox.customers()[0]!.fields['sourceId']).toBe('C-1')
  })

  it('refuses the whole request with 10007 for a missing or wrong id, or a sourceId without source', async () => {
    sandbox = await startPropellerSandbox()
    const [id] = await seed('C-1')
    const cases: [unknown, string][] = [
      [{ firstName: 'Jan' }, '#/customers/1: required key [id] not found'],
      [{ id: '25000' }, '#/customers/1/id: expected type: Integer, found: String'],
      [{ id: 0 }, '#/customers/1/id: 0 is not greater or equal to 1'],
      [{ id: 5, sourceId: 'C-5' }, '#/customers/1: required key [source] not found'],
      [{ id: 5, parent: 'x', extra: 1 }, '#/customers/1: extraneous key [extra] is not permitted'],
    ]
    for (const [wrong, message] of cases) {
      const response = await post('id', { customers: [{ id, firstName: 'Piet' }, wrong] })
      expect(response.status).toBe(400)
      expect(await json(response)).toMatchObject({
        error: { code: 10007, status: 400, type: 'SchemaValidationException', messages: [message] },
      })
    }
    // Nothing of a refused request was saved.
    expect(sandbox.customers()[0]!.fields['firstName']).toBeUndefined()
  })

  it('still refuses an id, company and mobile on the sourceId endpoint, whose schema lacks them', async () => {
    sandbox = await startPropellerSandbox()
    for (const key of ['id', 'company', 'mobile']) {
      const response = await post('sourceId', { customers: [{ source: 'SHOP', sourceId: 'C-1', [key]: 1 }] })
      expect(await json(response)).toMatchObject({
        error: { code: 10007, messages: [`#/customers/0: extraneous key [${key}] is not permitted`] },
      })
    }
  })
})
