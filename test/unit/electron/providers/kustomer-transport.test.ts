import { afterEach, describe, expect, it } from 'vitest'
import type { RowOutcome } from '#shared/providers/types.ts'
import { TRANSPORTS } from '../../../../electron/engine/providers/registry.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type {
  KustomerSandbox,
  KustomerSandboxOptions,
} from '../../../../electron/engine/sandbox/kustomer/server.ts'
import { startKustomerSandbox } from '../../../../electron/engine/sandbox/kustomer/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The Kustomer transport against the real sandbox over HTTP; a wrapped fetch injects the failures
// the sandbox never produces on its own (413 on a planned batch, 5xx).

const transport = TRANSPORTS.kustomer
let sandbox: KustomerSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: KustomerSandboxOptions = {}): Promise<KustomerSandbox> {
  sandbox = await startKustomerSandbox({ faults: { jobDelayMs: 10 }, ...options })
  return sandbox
}

function rows(count: number, record: (row: number) => Record<string, string> = () => ({})): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2
    return { row, record: { name: `Customer ${row}`, externalId: `CRM-${row}`, ...record(row) } }
  })
}

function context(overrides: Partial<TransportContext> = {}): TransportContext & { requests: number } {
  const ctx: TransportContext & { requests: number } = {
    signal: new AbortController().signal,
    fetch: globalThis.fetch,
    sleep,
    requests: 0,
    onRequest: () => {
      ctx.requests++
    },
    ...overrides,
  }
  return ctx
}

async function collect(
  items: PreparedItem[],
  ctx: TransportContext,
  target: ConnectionTarget = sandbox,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, target, ctx)) outcomes.push(...batch)
  return outcomes
}

function expectOneOutcomePerRow(items: PreparedItem[], outcomes: RowOutcome[]) {
  expect(outcomes.map((outcome) => outcome.row).sort((a, b) => a - b)).toEqual(items.map((item) => item.row))
}

/** A fetch that answers some submits itself and passes everything else to the sandbox. */
function intercepting(answer: (items: unknown[]) => Response | null): typeof fetch {
  return async (input, init) => {
    if (init?.method === 'POST' && typeof init.body === 'string') {
      const own = answer(JSON.parse(init.body) as unknown[])
      if (own) return own
    }
    return globalThis.fetch(input, init)
  }
}

/** A fetch that logs each request as "METHOD /path?query" before passing it on. */
function recording(log: string[], inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    log.push(`${init?.method ?? 'GET'} ${decodeURIComponent(url.pathname)}${url.search}`)
    return inner(input, init)
  }
}

describe('Kustomer transport', () => {
  it('uploads 250 rows in three bulk jobs with one outcome per row', async () => {
    await start()
    const items = rows(250, (row) => ({
      'emails.0.email': row === 10 || row === 200 ? `bad${row}@@example.com` : `c${row}@example.com`,
      ...(row === 150 ? { externalId: 'CRM-20' } : {}),
      'custom.loyaltyTierStr': 'gold',
    }))
    const ctx = context()
    const outcomes = await collect(items, ctx)
    expectOneOutcomePerRow(items, outcomes)
    const failed = outcomes.filter((outcome) => outcome.status === 'failed')
    expect(failed).toEqual([
      {
        row: 10,
        status: 'failed',
        message: expect.stringContaining('"bad10@@example.com" is not a valid email'),
      },
      {
        row: 200,
        status: 'failed',
        message: expect.stringContaining('"bad200@@example.com" is not a valid email'),
      },
    ])
    const created = outcomes.filter((outcome) => outcome.status === 'created')
    expect(created).toHaveLength(247)
    // Row 150 repeats row 20's External ID: Kustomer calls it a duplicate, so that customer is updated.
    const row20 = outcomes.find((outcome) => outcome.row === 20)
    expect(outcomes.find((outcome) => outcome.row === 150)).toEqual({
      row: 150,
      status: 'updated',
      id: row20?.id,
    })
    expect(sandbox.customers().find((customer) => customer.id === row20?.id)?.attributes).toMatchObject({
      name: 'Customer 150',
    })
    expect(sandbox.customers()).toHaveLength(247)
    expect(new Set(created.map((outcome) => outcome.id))).toEqual(
      new Set(sandbox.customers().map((customer) => customer.id)),
    )
    expect(sandbox.customers()[0]?.attributes).toMatchObject({ custom: { loyaltyTierStr: 'gold' } })
    expect(ctx.requests).toBeGreaterThanOrEqual(9) // 3 × (submit, at least one poll, batches)
  })

  it('completes under a tiny rate limit, even after another client spent the budget, with no loss or duplicates', async () => {
    await start({ rateLimitPerMinute: 4, rateLimitWindowMs: 200 })
    for (let i = 0; i < 4; i++)
      await fetch(`${sandbox.baseUrl}/v1/bulk/x`, {
        headers: { authorization: `Bearer ${sandbox.secrets['apiKey']}` },
      })
    const items = rows(150)
    const outcomes = await collect(items, context())
    expectOneOutcomePerRow(items, outcomes)
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    const externalIds = sandbox.customers().map((customer) => customer.attributes['externalId'])
    expect(externalIds).toHaveLength(150)
    expect(new Set(externalIds).size).toBe(150)
  })

  it('halves a batch Kustomer finds too large, and fails a single row that still is', async () => {
    await start()
    const items = rows(40)
    const fetch = intercepting((batch) =>
      batch.length > 8 || JSON.stringify(batch).includes('CRM-7"')
        ? new Response('{}', { status: 413 })
        : null,
    )
    const outcomes = await collect(items, context({ fetch }))
    expectOneOutcomePerRow(items, outcomes)
    expect(outcomes.find((outcome) => outcome.row === 7)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('too large'),
    })
    expect(sandbox.customers()).toHaveLength(39)
  })

  it('fails a row too large for any request without sending it', async () => {
    await start()
    const items = rows(3, (row): Record<string, string> =>
      row === 3 ? { 'custom.notesStr': 'x'.repeat(100_001) } : {},
    )
    const outcomes = await collect(items, context())
    expectOneOutcomePerRow(items, outcomes)
    expect(outcomes.find((outcome) => outcome.row === 3)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('100 kB'),
    })
    expect(sandbox.customers()).toHaveLength(2)
  })

  it('never resends a submit that failed with 5xx, and says the rows may exist', async () => {
    await start()
    let submits = 0
    const fetch = intercepting(() => (++submits === 1 ? new Response('{}', { status: 502 }) : null))
    const items = rows(150)
    const outcomes = await collect(items, context({ fetch }))
    expectOneOutcomePerRow(items, outcomes)
    expect(outcomes.filter((outcome) => outcome.status === 'failed')).toHaveLength(100)
    expect(outcomes[0]?.message).toMatch(/may or may not have been created.*Check in Kustomer/)
    expect(submits).toBe(2)
    expect(sandbox.customers()).toHaveLength(50)
  })

  it("fails a batch Kustomer refuses with 400 with Kustomer's reason", async () => {
    await start()
    const fetch = intercepting(() =>
      Response.json(
        { errors: [{ status: '400', title: 'Bad Request', detail: 'name is weird' }] },
        { status: 400 },
      ),
    )
    const outcomes = await collect(rows(3), context({ fetch }))
    expect(outcomes).toHaveLength(3)
    expect(
      outcomes.every((outcome) => outcome.status === 'failed' && outcome.message?.includes('name is weird')),
    ).toBe(true)
  })

  it('follows an accepted batch to its end after cancellation, and starts no more', async () => {
    await start({ faults: { jobDelayMs: 50 } })
    const controller = new AbortController()
    const ctx = context({
      signal: controller.signal,
      fetch: async (input, init) => {
        if (init?.method === 'POST') controller.abort() // the first submit is the last
        return globalThis.fetch(input, init)
      },
    })
    const outcomes = await collect(rows(250), ctx)
    expect(outcomes).toHaveLength(100)
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(sandbox.customers()).toHaveLength(100)
  })

  it('writes nothing when cancelled while rows are still being looked up', async () => {
    await start()
    await collect(rows(150), context())
    const controller = new AbortController()
    const log: string[] = []
    const ctx = context({ signal: controller.signal, fetch: recording(log) })
    ctx.onRequest = () => {
      if (log.some((line) => line.includes('externalId='))) controller.abort()
    }
    expect(await collect(rows(5), ctx)).toEqual([])
    expect(log.filter((line) => !line.startsWith('GET'))).toEqual([])
    expect(sandbox.customers()).toHaveLength(150)
  })

  it('costs a first import one list request, and creates every row', async () => {
    await start()
    const log: string[] = []
    const items = rows(250)
    const outcomes = await collect(items, context({ fetch: recording(log) }))
    expect(outcomes.filter((outcome) => outcome.status !== 'created')).toEqual([])
    const beforeFirstWrite = log.slice(
      0,
      log.findIndex((line) => line.startsWith('POST')),
    )
    expect(beforeFirstWrite).toEqual(['GET /v1/customers?page=1&pageSize=100'])
    expect(log.filter((line) => line.startsWith('PUT'))).toEqual([])
  })

  it('updates the rows Kustomer has with bulk PUT and their Kustomer id, and creates the rest', async () => {
    await start()
    const first = await collect(rows(50), context())
    const log: string[] = []
    const items = rows(100, (row) => ({ name: `Renamed ${row}` }))
    const second = await collect(items, context({ fetch: recording(log) }))
    expectOneOutcomePerRow(items, second)
    const status = (row: number) => second.find((outcome) => outcome.row === row)
    for (const outcome of first) expect(status(outcome.row)).toEqual({ ...outcome, status: 'updated' })
    expect(second.filter((outcome) => outcome.row > 51).every((o) => o.status === 'created')).toBe(true)
    expect(sandbox.customers()).toHaveLength(100)
    expect(sandbox.customers().every((c) => String(c.attributes['name']).startsWith('Renamed'))).toBe(true)
    expect(log.filter((line) => /^(POST|PUT) /.test(line))).toEqual([
      'POST /v1/customers/bulk',
      'PUT /v1/customers/bulk',
    ])
  })

  it('finds a row without External ID by its email, whatever its case, and keeps the External ID it has', async () => {
    await start()
    const [created] = await collect(
      [{ row: 2, record: { name: 'Ada', externalId: 'CRM-1', 'emails.0.email': 'Ada@Example.com' } }],
      context(),
    )
    const again = [{ row: 9, record: { name: 'Ada Lovelace', 'emails.0.email': 'ada@example.com' } }]
    expect(await collect(again, context())).toEqual([{ row: 9, status: 'updated', id: created?.id }])
    expect(sandbox.customers()).toHaveLength(1)
    expect(sandbox.customers()[0]?.attributes).toMatchObject({ name: 'Ada Lovelace', externalId: 'CRM-1' })
  })

  it('keeps listing when Kustomer serves shorter pages than asked for but links the next one', async () => {
    await start()
    await collect(rows(60), context())
    const log: string[] = []
    const capped: typeof fetch = (input, init) =>
      globalThis.fetch(String(input).replace('pageSize=100', 'pageSize=25'), init)
    const outcomes = await collect(rows(30), context({ fetch: recording(log, capped) }))
    expect(outcomes.filter((outcome) => outcome.status !== 'updated')).toEqual([])
    expect(log.filter((line) => line.startsWith('GET /v1/customers'))).toEqual([
      'GET /v1/customers?page=1&pageSize=100',
      'GET /v1/customers?page=2&pageSize=100',
      'GET /v1/customers?page=3&pageSize=100',
    ])
    expect(sandbox.customers()).toHaveLength(60)
  })

  it('looks each row up by value when the org has too many customers to list', async () => {
    await start()
    const existing = await collect(
      rows(150, (row) => ({ 'emails.0.email': `c${row}@example.com` })),
      context(),
    )
    const idOf = (row: number) => existing.find((outcome) => outcome.row === row)?.id
    const log: string[] = []
    const items: PreparedItem[] = [
      { row: 2, record: { externalId: 'CRM-2', name: 'A' } },
      { row: 3, record: { externalId: 'CRM-140', name: 'B' } },
      { row: 4, record: { externalId: 'NEW-1', name: 'C', 'emails.0.email': 'c5@example.com' } },
      { row: 5, record: { name: 'D', 'emails.0.email': 'C7@example.com' } },
      { row: 6, record: { name: 'E' } },
    ]
    const outcomes = await collect(items, context({ fetch: recording(log) }))
    expect(outcomes.sort((a, b) => a.row - b.row)).toEqual([
      { row: 2, status: 'updated', id: idOf(2) },
      { row: 3, status: 'updated', id: idOf(140) },
      { row: 4, status: 'created', id: expect.any(String) },
      { row: 5, status: 'updated', id: idOf(7) },
      { row: 6, status: 'created', id: expect.any(String) },
    ])
    const lookups = log.filter((line) => line.startsWith('GET /v1/customers')).sort()
    expect(lookups).toEqual([
      'GET /v1/customers/email=c7@example.com',
      'GET /v1/customers/externalId=CRM-140',
      'GET /v1/customers/externalId=CRM-2',
      'GET /v1/customers/externalId=NEW-1',
      'GET /v1/customers?page=1&pageSize=100',
    ])
    expect(sandbox.customers()).toHaveLength(152)
  })

  it('writes nothing and says so when the lookups keep failing', async () => {
    await start()
    await collect(rows(150), context())
    const log: string[] = []
    const failing: typeof fetch = async (input, init) =>
      String(input).includes('externalId=')
        ? new Response('{"errors":[{"detail":"upstream down"}]}', { status: 503 })
        : globalThis.fetch(input, init)
    await expect(collect(rows(3), context({ fetch: recording(log, failing) }))).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: expect.stringMatching(/look up.*External ID "CRM-\d".*upstream down/),
    })
    expect(log.filter((line) => !line.startsWith('GET'))).toEqual([])
  })

  it('stops with PROVIDER_AUTH on a wrong API key', async () => {
    await start()
    await expect(
      collect(rows(2), context(), { ...sandbox, secrets: { apiKey: 'wrong' } }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_AUTH',
      message: expect.stringMatching(/Kustomer.*API key/),
    })
    expect(sandbox.customers()).toEqual([])
  })

  it('stops with PROVIDER_UNAVAILABLE naming the host when Kustomer cannot be reached', async () => {
    await start()
    const target = { baseUrl: sandbox.baseUrl, settings: {}, secrets: sandbox.secrets }
    await sandbox.close()
    const host = new URL(target.baseUrl).host
    await expect(collect(rows(2), context(), target)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: expect.stringContaining(host),
    })
  })
})
