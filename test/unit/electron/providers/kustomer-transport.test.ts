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
    const ctx = context({ signal: controller.signal })
    ctx.onRequest = () => {
      if (++ctx.requests === 1) controller.abort()
    }
    const outcomes = await collect(rows(250), ctx)
    expect(outcomes).toHaveLength(100)
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(sandbox.customers()).toHaveLength(100)
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
