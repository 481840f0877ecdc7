import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '#shared/errors.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { omnideskTransport as transport } from '../../../../electron/engine/providers/omnidesk/transport.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type {
  OmnideskSandbox,
  OmnideskSandboxOptions,
} from '../../../../electron/engine/sandbox/omnidesk/server.ts'
import { startOmnideskSandbox } from '../../../../electron/engine/sandbox/omnidesk/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The Omnidesk transport against the real sandbox over HTTP; a wrapped fetch observes requests and
// injects what the sandbox never does on its own (a create that is processed but answered with 5xx
// or a dropped connection).

let sandbox: OmnideskSandbox
afterEach(async () => {
  await sandbox?.close()
})

async function start(options: OmnideskSandboxOptions = {}): Promise<OmnideskSandbox> {
  sandbox = await startOmnideskSandbox(options)
  return sandbox
}

function rows(count: number, record: (row: number) => Record<string, string> = () => ({})): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2
    return {
      row,
      record: {
        primaryID: `CRM-${row}`,
        firstname: 'Jane',
        lastname: `Doe`,
        'channel.email': `c${row}@example.com`,
        ...record(row),
      },
    }
  })
}

interface Seen {
  method: string
  path: string
  contentType: string | null
  body: string
}

/** A fetch that records requests and lets a test answer some of them itself. */
function observingFetch(
  seen: Seen[],
  intercept?: (request: Seen, forward: () => Promise<Response>) => Promise<Response> | undefined,
): typeof globalThis.fetch {
  return async (input, init) => {
    const url = new URL(String(input))
    const headers = new Headers(init?.headers)
    const request: Seen = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      contentType: headers.get('content-type'),
      body: typeof init?.body === 'string' ? init.body : '',
    }
    seen.push(request)
    const forward = () => globalThis.fetch(input, init)
    return (await intercept?.(request, forward)) ?? forward()
  }
}

function context(overrides: Partial<TransportContext> = {}): TransportContext {
  return { signal: new AbortController().signal, fetch: globalThis.fetch, sleep, ...overrides }
}

async function collect(items: PreparedItem[], ctx: TransportContext, target: ConnectionTarget = sandbox) {
  const groups: RowOutcome[][] = []
  for await (const group of transport.upload(items, target, ctx)) groups.push(group)
  return { groups, outcomes: groups.flat().sort((a, b) => a.row - b.row) }
}

describe('Omnidesk transport', () => {
  it('searches, creates with form-encoded bodies, then updates on a second upload', async () => {
    await start()
    const seen: Seen[] = []
    const items = rows(10)
    const first = await collect(items, context({ fetch: observingFetch(seen) }))
    expect(first.outcomes.map((outcome) => [outcome.row, outcome.status])).toEqual(
      items.map((item) => [item.row, 'created']),
    )
    expect(sandbox.customerCount()).toBe(10)
    expect(seen.filter((request) => request.path.endsWith('SearchByPrimaryExternalID'))).toHaveLength(10)
    const creates = seen.filter((request) => request.path.endsWith('createCustomerCRUD'))
    expect(creates).toHaveLength(10)
    for (const request of [...creates]) {
      expect(request.contentType).toBe('application/x-www-form-urlencoded')
    }
    expect(
      new URLSearchParams(creates.find((r) => r.body.includes('CRM-2'))!.body).get('customerChannelValue_0'),
    ).toBe('c2@example.com')

    const second = await collect(
      rows(3, () => ({ lastname: 'Smith' })),
      context(),
    )
    expect(second.outcomes).toEqual([
      { row: 2, status: 'updated', id: expect.any(String) },
      { row: 3, status: 'updated', id: expect.any(String) },
      { row: 4, status: 'updated', id: expect.any(String) },
    ])
    expect(sandbox.customerCount()).toBe(10)
    const stored = sandbox.customers().find((customer) => customer.primaryId === 'CRM-2')
    expect(stored).toMatchObject({ lastname: 'Smith', firstname: 'Jane' })
  })

  it('keeps at most four customers in flight and yields outcomes in small groups', async () => {
    await start({ faults: { latencyMs: 5 } })
    let inFlight = 0
    let most = 0
    const counting: typeof globalThis.fetch = async (input, init) => {
      inFlight++
      most = Math.max(most, inFlight)
      try {
        return await globalThis.fetch(input, init)
      } finally {
        inFlight--
      }
    }
    const { groups, outcomes } = await collect(rows(40), context({ fetch: counting }))
    expect(outcomes).toHaveLength(40)
    expect(most).toBeLessThanOrEqual(4)
    expect(most).toBeGreaterThan(1)
    expect(groups.length).toBeGreaterThan(1)
  })

  it('sends names in the spelling Omnidesk accepts and says so on the row', async () => {
    await start()
    const { outcomes } = await collect(
      rows(1, () => ({ firstname: 'Łukasz', lastname: 'Wiśniewski' })),
      context(),
    )
    expect(outcomes[0]).toMatchObject({ status: 'created' })
    expect(outcomes[0]!.warnings).toEqual([
      'First name "Łukasz" was sent as "Lukasz", the spelling Omnidesk accepts.',
      'Last name "Wiśniewski" was sent as "Wisniewski", the spelling Omnidesk accepts.',
    ])
    expect(sandbox.customers()[0]).toMatchObject({ firstname: 'Lukasz', lastname: 'Wisniewski' })
  })

  it('fails only the rows Omnidesk refuses, naming the column to fix', async () => {
    await start()
    const items = rows(3, (row): Record<string, string> =>
      row === 3 ? { 'channel.telephone': '0612345678' } : {},
    )
    items.push({ row: 5, record: { firstname: 'No id' } })
    const { outcomes } = await collect(items, context())
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'failed', 'created', 'failed'])
    expect(outcomes[1]!.message).toBe(
      'Omnidesk refused this row: The customerChannelValue_1 field format is invalid. Fix the "Phone" value in the file and upload this row again.',
    )
    expect(outcomes[3]!.message).toMatch(/no Customer ID/)
    expect(sandbox.customerCount()).toBe(2)
  })

  it('turns two rows with the same Customer ID into one create and one update', async () => {
    await start()
    const items: PreparedItem[] = [
      { row: 2, record: { primaryID: 'SAME', firstname: 'Jane' } },
      { row: 3, record: { primaryID: 'SAME', lastname: 'Doe' } },
    ]
    const { outcomes } = await collect(items, context())
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['created', 'updated'])
    expect(sandbox.customerCount()).toBe(1)
    expect(sandbox.customers()[0]).toMatchObject({ firstname: 'Jane', lastname: 'Doe' })
  })

  it('waits out the rate limit and resends', async () => {
    await start({ rateLimit: 6, rateLimitWindowMs: 300 })
    const seen: Seen[] = []
    const { outcomes } = await collect(rows(6), context({ fetch: observingFetch(seen) }))
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(sandbox.customerCount()).toBe(6)
    expect(seen.length).toBeGreaterThan(12) // some requests were refused with 429 and sent again
  })

  it('checks before resending a create that was processed but answered with 5xx or cut off', async () => {
    await start()
    const seen: Seen[] = []
    let failures = 0
    const fetch = observingFetch(seen, (request, forward) => {
      if (!request.path.endsWith('createCustomerCRUD') || failures >= 2) return undefined
      failures++
      return forward().then((processed) => {
        if (failures === 1) return new Response('{"status":"error","message":"Bad gateway"}', { status: 502 })
        void processed
        throw new TypeError('fetch failed') // the connection broke after Omnidesk processed it
      })
    })
    const { outcomes } = await collect(rows(2), context({ fetch }))
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created'])
    expect(sandbox.customerCount()).toBe(2)
    expect(seen.filter((request) => request.path.endsWith('createCustomerCRUD'))).toHaveLength(2)
  })

  it('resends a create that certainly was not processed', async () => {
    await start()
    let failed = false
    const fetch = observingFetch([], (request) => {
      if (!request.path.endsWith('createCustomerCRUD') || failed) return undefined
      failed = true
      return Promise.resolve(
        new Response('{"status":"error","message":"Internal server error."}', { status: 500 }),
      )
    })
    const { outcomes } = await collect(rows(1), context({ fetch }))
    expect(outcomes).toEqual([{ row: 2, status: 'created' }])
    expect(sandbox.customerCount()).toBe(1)
  })

  it('stops on a refused API key with PROVIDER_AUTH and no outcomes', async () => {
    await start()
    const target = { ...sandbox, secrets: { apiKey: 'wrong' } }
    const error = await collect(rows(3), context(), target).catch((caught: unknown) => caught)
    expect(isAppError(error) && error.code).toBe('PROVIDER_AUTH')
    expect(sandbox.customerCount()).toBe(0)
  })

  it('refuses a Brand ID that is not a number before sending anything', async () => {
    await start()
    const target = { ...sandbox, settings: { ...sandbox.settings, brand_id: 'main' } }
    const error = await collect(rows(1), context(), target).catch((caught: unknown) => caught)
    expect(isAppError(error) && error.code).toBe('CONNECTION_INVALID')
  })

  it('stops starting rows once cancelled, and reports every row it wrote', async () => {
    await start({ faults: { latencyMs: 5 } })
    const controller = new AbortController()
    const outcomes: RowOutcome[] = []
    for await (const group of transport.upload(rows(40), sandbox, context({ signal: controller.signal }))) {
      outcomes.push(...group)
      controller.abort()
    }
    expect(outcomes.length).toBeLessThan(40)
    expect(outcomes.filter((outcome) => outcome.status === 'created').length).toBe(sandbox.customerCount())
  })

  it('reports an unreachable host as PROVIDER_UNAVAILABLE', async () => {
    await start()
    const target = { ...sandbox, baseUrl: 'http://127.0.0.1:1' }
    const error = await collect(rows(1), context(), target).catch((caught: unknown) => caught)
    expect(isAppError(error) && error.code).toBe('PROVIDER_UNAVAILABLE')
  })
})

describe('Omnidesk test connection', () => {
  it('tells a good connection from a wrong key, a wrong brand and a wrong host', async () => {
    await start()
    expect(await transport.testConnection(sandbox, context())).toMatchObject({ ok: true })
    const wrongKey = await transport.testConnection({ ...sandbox, secrets: { apiKey: 'x' } }, context())
    expect(wrongKey).toMatchObject({ ok: false, message: expect.stringContaining('API key') })
    const wrongBrand = await transport.testConnection(
      { ...sandbox, settings: { ...sandbox.settings, brand_id: '7' } },
      context(),
    )
    expect(wrongBrand).toMatchObject({ ok: false, message: expect.stringContaining('Brand ID') })
    const wrongHost = await transport.testConnection({ ...sandbox, baseUrl: 'http://127.0.0.1:1' }, context())
    expect(wrongHost).toMatchObject({
      ok: false,
      message: expect.stringContaining('Could not reach Omnidesk'),
    })
  })
})
