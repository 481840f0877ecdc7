import { afterEach, describe, expect, it } from 'vitest'
import type { RowOutcome } from '#shared/providers/types.ts'
import { AccessTokenSource } from '../../../../electron/engine/providers/propeller/access-token.ts'
import { propellerTransport as transport } from '../../../../electron/engine/providers/propeller/transport.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type {
  PropellerSandbox,
  PropellerSandboxOptions,
} from '../../../../electron/engine/sandbox/propeller/server.ts'
import { startPropellerSandbox } from '../../../../electron/engine/sandbox/propeller/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The Propeller transport against the real sandbox over HTTP; a wrapped fetch injects what the
// sandbox never does on its own (a revoked token, a 5xx after saving, a 429 with Retry-After).

let sandbox: PropellerSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: PropellerSandboxOptions = {}): Promise<PropellerSandbox> {
  sandbox = await startPropellerSandbox(options)
  return sandbox
}

function target(settings: Record<string, string> = {}): ConnectionTarget {
  return {
    baseUrl: sandbox.baseUrl,
    settings: { ...sandbox.settings, ...settings },
    secrets: sandbox.secrets,
  }
}

function rows(count: number, record: (row: number) => Record<string, string> = () => ({})): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2
    return {
      row,
      record: {
        sourceId: `C-${row}`,
        lastName: `Dijk ${row}`,
        'addresses.0.street': 'Kerkstraat 34',
        'addresses.0.city': 'Utrecht',
        'addresses.0.country': 'NL',
        ...record(row),
      },
    }
  })
}

function context(overrides: Partial<TransportContext> = {}): TransportContext {
  return { signal: new AbortController().signal, fetch: globalThis.fetch, sleep, ...overrides }
}

async function collect(items: PreparedItem[], ctx = context(), to = target()): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, to, ctx)) outcomes.push(...batch)
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

function isBulk(input: string | URL | Request): boolean {
  return String(input instanceof Request ? input.url : input).includes('/v2/customers/bulk/')
}

describe('Propeller transport: upload', () => {
  it('creates customers, then updates them by Customer ID and source, with one token', async () => {
    await start()
    const items = rows(250)
    const first = await collect(items)
    expect(rowsOf(first)).toEqual(items.map((item) => item.row))
    expect(first.every((outcome) => outcome.status === 'created' && /^\d+$/.test(outcome.id ?? ''))).toBe(
      true,
    )
    expect(sandbox.customerCount()).toBe(250)
    expect(sandbox.tokensIssued()).toBe(1) // three requests, one token
    const stored = sandbox.customers()[0]!.fields
    expect(stored).toMatchObject({
      source: 'CROSSWALK',
      sourceId: 'C-2',
      addresses: [{ type: 'delivery', street: 'Kerkstraat 34', city: 'Utrecht', country: 'NL' }],
    })

    const second = await collect(items.slice(0, 20))
    expect(second.map((outcome) => outcome.status)).toEqual(Array(20).fill('updated'))
    expect(second[0]!.id).toBe(first[0]!.id)
    expect(sandbox.customerCount()).toBe(250)
  })

  it('fails the rows a 10007 names, with the field, and sends the rest of the batch again', async () => {
    await start()
    const bad = new Map([
      [4, { 'addresses.0.country': 'UK' }],
      [7, { gender: 'X' }],
      [9, { 'addresses.0.isDefault': 'yes' }],
    ])
    const items = rows(10, (row) => bad.get(row) ?? {})
    const outcomes = await collect(items)
    expect(rowsOf(outcomes)).toEqual(items.map((item) => item.row))
    const failed = outcomes.filter((outcome) => outcome.status === 'failed')
    expect(failed.map((outcome) => outcome.row).sort((a, b) => a - b)).toEqual([4, 7, 9])
    expect(failed.find((outcome) => outcome.row === 4)!.message).toContain('Address country')
    expect(failed.find((outcome) => outcome.row === 4)!.message).toContain('"UK" is not a valid enum value')
    expect(failed.find((outcome) => outcome.row === 7)!.message).toContain('Gender')
    expect(outcomes.filter((outcome) => outcome.status === 'created')).toHaveLength(7)
    expect(sandbox.customerCount()).toBe(7)
  })

  it('splits a batch the provider finds too big', async () => {
    await start({ maxItems: 30 })
    const outcomes = await collect(rows(100))
    expect(outcomes.filter((outcome) => outcome.status === 'created')).toHaveLength(100)
    expect(sandbox.customerCount()).toBe(100)
  })

  it('sends two rows with the same Customer ID in separate requests', async () => {
    await start()
    const items = rows(3, (row) => ({ sourceId: row === 4 ? 'C-2' : `C-${row}` }))
    const outcomes = await collect(items)
    expect(outcomes.map((outcome) => [outcome.row, outcome.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'updated'],
    ])
  })

  it('sends the skipCreate directive when set to update only, and skips unknown customers', async () => {
    await start()
    await collect(rows(2))
    const outcomes = await collect(rows(4), context(), target({ existing: 'updateOnly' }))
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['updated', 'updated', 'skipped', 'skipped'])
    expect(outcomes[2]!.message).toContain('update existing customers only')
    expect(sandbox.customerCount()).toBe(2)
  })

  it('keeps values Propeller already has when set to fill empty fields only', async () => {
    await start()
    await collect(rows(1, () => ({ email: 'old@example.com' })))
    await collect(
      rows(1, () => ({ email: 'new@example.com', firstName: 'Jan' })),
      context(),
      target({ existing: 'fillEmpty' }),
    )
    expect(sandbox.customers()[0]!.fields).toMatchObject({ email: 'old@example.com', firstName: 'Jan' })
  })

  it('gets a new token once when Propeller refuses the current one', async () => {
    await start()
    let revoked = false
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (isBulk(input as string) && !revoked) {
        revoked = true
        return globalThis.fetch(input, {
          ...init,
          headers: { ...(init?.headers as object), authorization: 'Bearer revoked' },
        })
      }
      return globalThis.fetch(input, init)
    }
    const outcomes = await collect(rows(5), context({ fetch }))
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(sandbox.tokensIssued()).toBe(2)
  })

  it('resends after a 5xx that came after saving (the upsert is idempotent)', async () => {
    await start()
    let broken = false
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init)
      if (isBulk(input as string) && !broken) {
        broken = true
        return new Response('{}', { status: 502 })
      }
      return response
    }
    const outcomes = await collect(rows(5), context({ fetch }))
    expect(rowsOf(outcomes)).toEqual([2, 3, 4, 5, 6])
    expect(outcomes.every((outcome) => outcome.status === 'updated')).toBe(true)
    expect(sandbox.customerCount()).toBe(5)
  })

  it('waits as long as Retry-After says, then sends again', async () => {
    await start()
    let limited = false
    const waits: number[] = []
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (isBulk(input as string) && !limited) {
        limited = true
        return new Response('{}', { status: 429, headers: { 'retry-after': '7' } })
      }
      return globalThis.fetch(input, init)
    }
    const outcomes = await collect(rows(3), context({ fetch, sleep: async (ms) => void waits.push(ms) }))
    // One wait, of the 7 s asked for (less the millisecond or two between the refusal and the wait).
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(6_900)
    expect(waits[0]).toBeLessThanOrEqual(7_000)
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
  })

  it('reports a wrong secret as PROVIDER_AUTH, and an unreachable host as PROVIDER_UNAVAILABLE', async () => {
    await start()
    const wrong = { ...target(), secrets: { clientSecret: 'wrong' } }
    expect(await failure(collect(rows(1), context(), wrong))).toMatchObject({ code: 'PROVIDER_AUTH' })
    const baseUrl = sandbox.baseUrl
    await sandbox.close()
    const gone = await failure(collect(rows(1), context(), { ...target(), baseUrl }))
    expect(gone).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' })
  })

  it('fails a row too large to send, and sends nothing once cancelled', async () => {
    await start()
    const huge = (row: number): Record<string, string> =>
      row === 2 ? { 'addresses.0.notes': 'x'.repeat(1_100_000) } : {}
    const outcomes = await collect(rows(2, huge))
    expect(outcomes.map((outcome) => [outcome.row, outcome.status])).toEqual([
      [2, 'failed'],
      [3, 'created'],
    ])
    const controller = new AbortController()
    controller.abort()
    expect(await collect(rows(3), context({ signal: controller.signal }))).toEqual([])
    expect(sandbox.customerCount()).toBe(1)
  })
})

describe('Propeller transport: access token', () => {
  it('renews the token before it expires, not after', async () => {
    let now = 0
    let requests = 0
    const fetch: typeof globalThis.fetch = async () => {
      requests++
      return Response.json({ access_token: `t${requests}`, token_type: 'Bearer', expires_in: 1800 })
    }
    const tokens = new AccessTokenSource(
      { baseUrl: 'https://api.example', settings: { clientId: 'id' }, secrets: { clientSecret: 's' } },
      context({ fetch }),
      () => now,
    )
    expect(await tokens.get()).toBe('t1')
    now = 1_700_000 // 28 min 20 s: still valid, not yet due
    expect(await tokens.get()).toBe('t1')
    now = 1_745_000 // 29 min 5 s: inside the last minute, renewed before Propeller would refuse it
    expect(await tokens.get()).toBe('t2')
    tokens.invalidate()
    expect(await tokens.get()).toBe('t3')
  })
})

describe('Propeller transport: test connection', () => {
  it('tells working credentials from a wrong secret', async () => {
    await start()
    expect(await transport.testConnection(target(), context())).toMatchObject({ ok: true })
    const bad = await transport.testConnection({ ...target(), secrets: { clientSecret: 'nope' } }, context())
    expect(bad.ok).toBe(false)
    expect(bad.message).toContain('API Key Management')
  })
})
