import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '#shared/errors.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { thuliumTransport as transport } from '../../../../electron/engine/providers/thulium/transport.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type {
  ThuliumSandbox,
  ThuliumSandboxOptions,
} from '../../../../electron/engine/sandbox/thulium/server.ts'
import { startThuliumSandbox } from '../../../../electron/engine/sandbox/thulium/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The Thulium transport against the real sandbox over HTTP; a wrapped fetch injects what the sandbox
// never does on its own (a 5xx after saving, a 413 on a planned batch).

let sandbox: ThuliumSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: ThuliumSandboxOptions = {}): Promise<ThuliumSandbox> {
  sandbox = await startThuliumSandbox(options)
  return sandbox
}

function rows(count: number, record: (row: number) => Record<string, string> = () => ({})): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2
    return { row, record: { surname: `Nowak ${row}`, identifier: `CRM-${row}`, ...record(row) } }
  })
}

function context(overrides: Partial<TransportContext> = {}): TransportContext {
  return { signal: new AbortController().signal, fetch: globalThis.fetch, sleep, ...overrides }
}

async function collect(items: PreparedItem[], ctx = context(), target: ConnectionTarget = sandbox) {
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, target, ctx)) outcomes.push(...batch)
  return outcomes
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

function rowsOf(outcomes: RowOutcome[]): number[] {
  return outcomes.map((outcome) => outcome.row).sort((a, b) => a - b)
}

/** A fetch that lets `answer` replace the sandbox's answer to batch writes (after `forward`ing if it wants). */
function intercepting(
  answer: (
    method: string,
    customers: unknown[],
    forward: () => Promise<Response>,
  ) => Promise<Response> | null,
): typeof fetch {
  return async (input, init) => {
    const forward = () => globalThis.fetch(input, init)
    if ((init?.method === 'POST' || init?.method === 'PUT') && typeof init.body === 'string') {
      const own = answer(init.method, (JSON.parse(init.body) as { customers: unknown[] }).customers, forward)
      if (own) return own
    }
    return forward()
  }
}

describe('Thulium transport', () => {
  it('creates new rows, updates known ones on the next upload, and explains refused rows', async () => {
    await start()
    const items = rows(250, (row) =>
      row === 10 ? { phone_number: '555 CALL' } : { phone_number: '+48 555 000 111' },
    )
    const first = await collect(items)
    expect(rowsOf(first)).toEqual(items.map((item) => item.row))
    const failed = first.filter((outcome) => outcome.status === 'failed')
    expect(failed).toEqual([
      {
        row: 10,
        status: 'failed',
        message: expect.stringMatching(/Phone number must be numeric.*digits only/),
      },
    ])
    expect(first.filter((outcome) => outcome.status === 'created')).toHaveLength(249)
    expect(sandbox.customerCount()).toBe(249)
    expect(sandbox.customers()[0]!.data['phone_number']).toBe('48555000111')

    const again = rows(120, (row) => ({ name: `Zofia ${row}` }))
    const second = await collect(again)
    const byRow = new Map(second.map((outcome) => [outcome.row, outcome]))
    expect(byRow.get(10)?.status).toBe('created') // it failed before, so Thulium does not have it yet
    expect(second.filter((outcome) => outcome.status === 'updated')).toHaveLength(119)
    expect(sandbox.customerCount()).toBe(250)
    const first11 = first.find((outcome) => outcome.row === 11)!
    expect(byRow.get(11)).toEqual({ row: 11, status: 'updated', id: first11.id })
    expect(sandbox.customers().find((c) => c.customer_id === first11.id)?.data['name']).toBe('Zofia 11')
  })

  it('lets a later row with the same identifier update the customer an earlier row created', async () => {
    await start()
    const items: PreparedItem[] = [
      { row: 2, record: { surname: 'Nowak', identifier: 'CRM-1' } },
      { row: 3, record: { surname: 'Nowak-Kowalska', identifier: 'CRM-1' } },
      { row: 4, record: { surname: 'Bez identyfikatora' } },
    ]
    const outcomes = await collect(items)
    expect(outcomes.map((o) => [o.row, o.status])).toEqual([
      [2, 'created'],
      [4, 'created'],
      [3, 'updated'],
    ])
    expect(sandbox.customers().map((c) => c.data['surname'])).toEqual([
      'Nowak-Kowalska',
      'Bez identyfikatora',
    ])
  })

  it('refuses to guess when Thulium has two customers with the identifier', async () => {
    await start()
    await collect([{ row: 2, record: { surname: 'A', identifier: 'X' } }])
    await collect([{ row: 2, record: { surname: 'B' } }]) // then give the second one the same identifier by hand
    sandbox.customers()[1]!.data['identifier'] = 'X'
    const outcomes = await collect([{ row: 7, record: { surname: 'C', identifier: 'X' } }])
    expect(outcomes).toEqual([
      {
        row: 7,
        status: 'failed',
        message: expect.stringMatching(/more than one customer.*"X"/),
        said: { key: 'sending:thulium.duplicateIdentifier', values: { identifier: 'X' } },
      },
    ])
    expect(sandbox.customerCount()).toBe(2)
  })

  it('after a 5xx on a create, reports saved rows as created and resends only the rest', async () => {
    await start()
    let posts = 0
    const fetch = intercepting((method, _customers, forward) => {
      if (method !== 'POST' || ++posts > 1) return null
      // The first create is saved by Thulium, but the answer is lost in a 502.
      return forward().then(() => new Response('{"message":"Bad gateway"}', { status: 502 }))
    })
    const items = [...rows(3), { row: 5, record: { surname: 'No identifier' } }]
    const outcomes = await collect(items, context({ fetch }))
    expect(rowsOf(outcomes)).toEqual([2, 3, 4, 5])
    expect(outcomes.filter((o) => o.status === 'created').map((o) => o.row)).toEqual([2, 3, 4])
    expect(outcomes.find((o) => o.row === 5)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/may or may not have been created/),
    })
    expect(sandbox.customerCount()).toBe(4) // nothing created twice
    expect(posts).toBe(1)
  })

  it('resends a create that certainly was not saved, and an update that failed', async () => {
    await start()
    await collect(rows(2))
    let failures = 0
    const fetch = intercepting((_method, _customers) =>
      failures++ < 2 ? Promise.resolve(new Response('{"message":"Oops"}', { status: 500 })) : null,
    )
    const outcomes = await collect([...rows(2), ...rows(4).slice(2)], context({ fetch }))
    expect(outcomes.map((o) => [o.row, o.status]).sort()).toEqual([
      [2, 'updated'],
      [3, 'updated'],
      [4, 'created'],
      [5, 'created'],
    ])
    expect(sandbox.customerCount()).toBe(4)
  })

  it('halves a batch Thulium finds too large', async () => {
    await start()
    const sizes: number[] = []
    const fetch = intercepting((_method, customers) => {
      sizes.push(customers.length)
      return customers.length > 30
        ? Promise.resolve(new Response('{"message":"Too large"}', { status: 413 }))
        : null
    })
    const outcomes = await collect(rows(100), context({ fetch }))
    expect(outcomes.every((o) => o.status === 'created')).toBe(true)
    expect(sizes).toEqual([100, 50, 25, 25, 50, 25, 25])
    expect(sandbox.customerCount()).toBe(100)
  })

  it('waits out the rate limit and still uploads every row', async () => {
    await start({ rateLimit: 10, rateLimitWindowMs: 200 })
    const outcomes = await collect(rows(30))
    expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(30)
    expect(sandbox.customerCount()).toBe(30)
  })

  it('stops with PROVIDER_AUTH on a wrong password, before sending anything', async () => {
    await start()
    const error = await failure(collect(rows(5), context(), { ...sandbox, secrets: { password: 'wrong' } }))
    expect(isAppError(error, 'PROVIDER_AUTH')).toBe(true)
    expect((error as Error).message).toMatch(/API Users/)
    expect(sandbox.customerCount()).toBe(0)
  })

  it('stops with PROVIDER_UNAVAILABLE when Thulium cannot be reached', async () => {
    await start()
    const target = { ...sandbox, baseUrl: sandbox.baseUrl }
    await sandbox.close()
    const error = await failure(collect(rows(2), context(), target))
    expect(isAppError(error, 'PROVIDER_UNAVAILABLE')).toBe(true)
  })

  it('sends nothing once the job is cancelled', async () => {
    await start()
    const controller = new AbortController()
    controller.abort()
    expect(await collect(rows(5), context({ signal: controller.signal }))).toEqual([])
    expect(sandbox.customerCount()).toBe(0)
  })

  it('tests the connection', async () => {
    await start()
    expect(await transport.testConnection(sandbox, context())).toMatchObject({ ok: true })
    const bad = await transport.testConnection({ ...sandbox, secrets: { password: 'wrong' } }, context())
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/login and password/) })
  })
})
