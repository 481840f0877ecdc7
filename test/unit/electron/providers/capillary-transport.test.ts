import { afterEach, describe, expect, it } from 'vitest'
import type { RowOutcome } from '#shared/providers/types.ts'
import { capillaryTransport as transport } from '../../../../electron/engine/providers/capillary/transport.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type {
  CapillarySandbox,
  CapillarySandboxOptions,
} from '../../../../electron/engine/sandbox/capillary/server.ts'
import { startCapillarySandbox } from '../../../../electron/engine/sandbox/capillary/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The Capillary transport against the sandbox over HTTP; a wrapped fetch records what was sent.

let sandbox: CapillarySandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: CapillarySandboxOptions = {}): Promise<CapillarySandbox> {
  sandbox = await startCapillarySandbox(options)
  return sandbox
}

function target(overrides: Partial<ConnectionTarget> = {}): ConnectionTarget {
  return { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets, ...overrides }
}

function rows(count: number, record: (row: number) => Record<string, string> = () => ({})): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2
    return {
      row,
      record: {
        'identifiers.externalId': `CRM-${row}`,
        firstName: `Customer`,
        lastName: `${row}`,
        ...record(row),
      },
    }
  })
}

interface Sent {
  url: string
  headers: Headers
  body: unknown
}

function context(overrides: Partial<TransportContext> = {}): TransportContext & { sent: Sent[] } {
  const sent: Sent[] = []
  const recording: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    sent.push({ url: String(input), headers: new Headers(init?.headers), body })
    return globalThis.fetch(input, init)
  }
  return { signal: new AbortController().signal, fetch: recording, sleep, sent, ...overrides }
}

async function collect(items: PreparedItem[], ctx: TransportContext, to = target()): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, to, ctx)) outcomes.push(...batch)
  return outcomes.sort((a, b) => a.row - b.row)
}

describe('capillary transport', () => {
  it('upserts in batches of 100 with Basic till auth (MD5 of the password) and the source query', async () => {
    await start({ secrets: { tillPassword: 'p@ss' } })
    const ctx = context()
    const outcomes = await collect(rows(250), ctx)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(250).fill('created'))
    expect(ctx.sent.map((request) => (request.body as unknown[]).length)).toEqual([100, 100, 50])
    const url = new URL(ctx.sent[0]!.url)
    expect(url.pathname).toBe('/v2/integrations/customer/upsert/bulk')
    expect(url.searchParams.get('source')).toBe('INSTORE')
    // The password never travels: only its MD5, as Capillary's Basic auth requires.
    const expected = `Basic ${Buffer.from(`sandbox.till:${(await import('node:crypto')).createHash('md5').update('p@ss').digest('hex')}`).toString('base64')}`
    expect(ctx.sent[0]!.headers.get('authorization')).toBe(expected)
    expect(sandbox.customerCount()).toBe(250)
  })

  it('reports a second upload of the same customers as updated, with the same ids', async () => {
    await start()
    const first = await collect(rows(5), context())
    const second = await collect(
      rows(5, () => ({ 'extendedFields.city': 'Pune' })),
      context(),
    )
    expect(second.map((outcome) => outcome.status)).toEqual(Array(5).fill('updated'))
    expect(second.map((outcome) => outcome.id)).toEqual(first.map((outcome) => outcome.id))
    expect(sandbox.customers()[0]!.extendedFields['city']).toBe('Pune')
    expect(sandbox.customerCount()).toBe(5)
  })

  it('turns Capillary warnings into row warnings on a saved row, and errors into failed rows', async () => {
    await start()
    const items = rows(3, (row): Record<string, string> => {
      if (row === 2) return { 'identifiers.email': 'bad@@example' }
      if (row === 3) return { loyaltyType: 'non_loyalty' }
      return {}
    })
    await collect(rows(3), context()) // all loyalty first, so row 3 becomes a downgrade
    const outcomes = await collect(items, context())
    expect(outcomes[0]).toMatchObject({ row: 2, status: 'updated' })
    expect(outcomes[0]!.warnings?.[0]).toMatch(/Invalid email: bad@@example \(code 8055\)/)
    expect(outcomes[1]).toMatchObject({ row: 3, status: 'failed' })
    expect(outcomes[1]!.message).toMatch(/code 8018/)
    expect(outcomes[1]!.message).toMatch(/Set Loyalty type to loyalty/)
    expect(outcomes[2]).toMatchObject({ row: 4, status: 'updated' })
  })

  it('resends 521 items one per request, after the rest of their batch', async () => {
    await start()
    // Rows 2 and 3 are the same customer: within one request the second gets 521.
    const items = rows(4, (row): Record<string, string> =>
      row === 3 ? { 'identifiers.externalId': 'CRM-2' } : {},
    )
    const ctx = context()
    const outcomes = await collect(items, ctx)
    expect(outcomes.map((outcome) => [outcome.row, outcome.status])).toEqual([
      [2, 'created'],
      [3, 'updated'],
      [4, 'created'],
      [5, 'created'],
    ])
    expect(ctx.sent.map((request) => (request.body as unknown[]).length)).toEqual([4, 1])
    expect(sandbox.customerCount()).toBe(3)
  })

  it('splits a batch Capillary refuses with 1060 until it fits', async () => {
    await start({ batchLimit: 30 })
    const ctx = context()
    const outcomes = await collect(rows(100), ctx)
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(ctx.sent.map((request) => (request.body as unknown[]).length)).toEqual([
      100, 50, 25, 25, 50, 25, 25,
    ])
    expect(sandbox.customerCount()).toBe(100)
  })

  it('waits out 429 answers and resends; every row gets one outcome', async () => {
    await start({ rateLimitPerMinute: 2, rateLimitWindowMs: 300 })
    const outcomes = await collect(rows(450), context())
    expect(outcomes.map((outcome) => outcome.row)).toEqual(rows(450).map((item) => item.row))
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(sandbox.customerCount()).toBe(450)
  })

  it('resends after a 5xx (the upsert is idempotent) and reports rows only once', async () => {
    await start()
    let failures = 1
    const flaky: typeof fetch = async (input, init) => {
      if (failures-- > 0) {
        return new Response(JSON.stringify({ errors: [{ status: false, code: 500, message: 'boom' }] }), {
          status: 500,
        })
      }
      return globalThis.fetch(input, init)
    }
    const outcomes = await collect(rows(3), context({ fetch: flaky }))
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created', 'created'])
  })

  it('throws PROVIDER_AUTH when the till password is wrong', async () => {
    await start()
    const wrong = target({ secrets: { tillPassword: 'wrong' } })
    await expect(collect(rows(2), context(), wrong)).rejects.toMatchObject({ code: 'PROVIDER_AUTH' })
  })

  it('fails every row and stops when the source is refused (8127: multi-account source without accountId)', async () => {
    await start()
    const wechat = target({ settings: { ...sandbox.settings, source: 'WECHAT' } })
    const outcomes: RowOutcome[] = []
    const run = async () => {
      for await (const batch of transport.upload(rows(150), wechat, context())) outcomes.push(...batch)
    }
    await expect(run()).rejects.toMatchObject({ code: 'CONNECTION_INVALID' })
    expect(outcomes).toHaveLength(100)
    expect(outcomes[0]!.message).toMatch(/code 8127/)
  })

  it('signs in with OAuth and sends the token in X-CAP-API-OAUTH-TOKEN', async () => {
    await start()
    const ctx = context()
    const oauth = target({ settings: { ...sandbox.settings, authMethod: 'oauth' } })
    const outcomes = await collect(rows(2), ctx, oauth)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created'])
    expect(new URL(ctx.sent[0]!.url).pathname).toBe('/v3/oauth/token/generate')
    expect(ctx.sent[1]!.headers.get('x-cap-api-oauth-token')).toBeTruthy()
    expect(ctx.sent[1]!.headers.get('authorization')).toBeNull()
  })

  it('stops between requests when cancelled', async () => {
    await start()
    const controller = new AbortController()
    const ctx = context({ signal: controller.signal })
    const outcomes: RowOutcome[] = []
    for await (const batch of transport.upload(rows(300), target(), ctx)) {
      outcomes.push(...batch)
      controller.abort()
    }
    expect(outcomes).toHaveLength(100)
    expect(ctx.sent).toHaveLength(1)
  })

  it('tests the connection with a lookup: good credentials, wrong password, wrong source', async () => {
    await start()
    expect(await transport.testConnection(target(), context())).toMatchObject({ ok: true })
    const bad = await transport.testConnection(target({ secrets: { tillPassword: 'x' } }), context())
    expect(bad).toMatchObject({ ok: false })
    expect(bad.message).toMatch(/till username and password/)
    const wechat = await transport.testConnection(
      target({ settings: { ...sandbox.settings, source: 'WECHAT' } }),
      context(),
    )
    expect(wechat).toMatchObject({ ok: false })
    expect(wechat.message).toMatch(/8127/)
  })
})
