import { afterEach, describe, expect, it } from 'vitest'
import { missingPropellerId } from '#shared/providers/propeller/request.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { propellerTransport as transport } from '../../../../electron/engine/providers/propeller/transport.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type { PropellerSandbox } from '../../../../electron/engine/sandbox/propeller/server.ts'
import { startPropellerSandbox } from '../../../../electron/engine/sandbox/propeller/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The Propeller transport with "Match customers by" set to Propeller customer ID, against the real
// sandbox: requests go to /v2/customers/bulk/id, answers are matched by id, rows without an id fail
// before sending, and a request that may have created customers is not sent twice.

let sandbox: PropellerSandbox
afterEach(async () => {
  await sandbox?.close()
})

function target(settings: Record<string, string> = {}): ConnectionTarget {
  return {
    baseUrl: sandbox.baseUrl,
    settings: { ...sandbox.settings, matchBy: 'id', ...settings },
    secrets: sandbox.secrets,
  }
}

function rows(count: number, record: (row: number) => Record<string, string> = () => ({})): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2
    return { row, record: { sourceId: `C-${row}`, lastName: `Dijk ${row}`, ...record(row) } }
  })
}

/** A fetch that records the paths of bulk requests and can answer one of them with a 502 after saving. */
function recorder(options: { breakFirst?: boolean } = {}) {
  const paths: string[] = []
  let broken = !options.breakFirst
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const response = await globalThis.fetch(input, init)
    if (!url.pathname.startsWith('/v2/customers/bulk/')) return response
    paths.push(url.pathname)
    if (!broken) {
      broken = true
      return new Response('{}', { status: 502 })
    }
    return response
  }
  return { paths, fetch }
}

function context(overrides: Partial<TransportContext> = {}): TransportContext {
  return { signal: new AbortController().signal, fetch: globalThis.fetch, sleep, ...overrides }
}

async function collect(items: PreparedItem[], to: ConnectionTarget, ctx = context()): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, to, ctx)) outcomes.push(...batch)
  return outcomes.sort((a, b) => a.row - b.row)
}

/** Creates the rows by source id and returns row → Propeller id. */
async function seed(count: number): Promise<Map<number, string>> {
  const outcomes = await collect(rows(count), target({ matchBy: 'sourceId' }))
  return new Map(outcomes.map((outcome) => [outcome.row, outcome.id!]))
}

describe('Propeller transport: match by Propeller customer ID', () => {
  it('updates customers found by their Propeller id through /bulk/id', async () => {
    sandbox = await startPropellerSandbox()
    const ids = await seed(150)
    const { paths, fetch } = recorder()
    const items = rows(150, (row) => ({ propellerId: ids.get(row)!, firstName: 'Jan' }))
    const outcomes = await collect(items, target(), context({ fetch }))
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(150).fill('updated'))
    expect(outcomes.map((outcome) => outcome.id)).toEqual(items.map((item) => ids.get(item.row)))
    expect(paths).toEqual(['/v2/customers/bulk/id', '/v2/customers/bulk/id'])
    expect(sandbox.customerCount()).toBe(150)
    expect(sandbox.customers()[0]!.fields).toMatchObject({ sourceId: 'C-2', firstName: 'Jan' })
  })

  it('fails a row without a Propeller customer ID before sending, and sends the others', async () => {
    sandbox = await startPropellerSandbox()
    const ids = await seed(3)
    const items = rows(3, (row): Record<string, string> => (row === 3 ? {} : { propellerId: ids.get(row)! }))
    const outcomes = await collect(items, target())
    expect(outcomes.map((outcome) => [outcome.row, outcome.status])).toEqual([
      [2, 'updated'],
      [3, 'failed'],
      [4, 'updated'],
    ])
    expect(outcomes[1]!.message).toBe(missingPropellerId())
  })

  it('reports a customer created for an unknown id with its new id, or skips it when updating only', async () => {
    sandbox = await startPropellerSandbox()
    const created = await collect(
      rows(1, () => ({ propellerId: '999' })),
      target(),
    )
    expect(created).toMatchObject([{ row: 2, status: 'created' }])
    expect(created[0]!.id).not.toBe('999')
    expect(created[0]!.warnings).toEqual([expect.stringContaining(`new customer with ID ${created[0]!.id}`)])

    const skipped = await collect(
      rows(1, () => ({ propellerId: '998' })),
      target({ existing: 'updateOnly' }),
    )
    expect(skipped).toMatchObject([{ row: 2, status: 'skipped' }])
    expect(skipped[0]!.message).toContain('no customer with this Propeller customer ID')
    expect(sandbox.customerCount()).toBe(1)
  })

  it('fails the row a 10007 names, with its field, and updates the rest', async () => {
    sandbox = await startPropellerSandbox()
    const ids = await seed(3)
    const address = { 'addresses.0.street': 'Kerkstraat', 'addresses.0.city': 'Utrecht' }
    const items = rows(3, (row) => ({
      propellerId: ids.get(row)!,
      ...address,
      'addresses.0.country': row === 3 ? 'UK' : 'NL',
    }))
    const outcomes = await collect(items, target())
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['updated', 'failed', 'updated'])
    expect(outcomes[1]!.message).toContain('Address country')
  })

  it('does not resend a request that may have created customers, but does when updating only', async () => {
    sandbox = await startPropellerSandbox()
    const ids = await seed(2)
    const items = rows(3, (row) => ({ propellerId: ids.get(row) ?? '999' }))

    const once = recorder({ breakFirst: true })
    const uncertain = await collect(items, target(), context({ fetch: once.fetch }))
    expect(once.paths).toHaveLength(1)
    expect(uncertain.map((outcome) => outcome.status)).toEqual(['failed', 'failed', 'failed'])
    expect(uncertain[0]!.message).toContain('may or may not have been saved')
    expect(uncertain[0]!.message).toContain('Look the customer up in Propeller')
    expect(sandbox.customerCount()).toBe(3) // the sandbox did save it: resending would have made 4

    const retried = recorder({ breakFirst: true })
    const updated = await collect(
      items.slice(0, 2),
      target({ existing: 'updateOnly' }),
      context({ fetch: retried.fetch }),
    )
    expect(retried.paths).toHaveLength(2)
    expect(updated.map((outcome) => outcome.status)).toEqual(['updated', 'updated'])
    expect(sandbox.customerCount()).toBe(3)
  })

  it('says how customers will be matched when testing the connection', async () => {
    sandbox = await startPropellerSandbox()
    const check = await transport.testConnection(target(), context())
    expect(check).toMatchObject({ ok: true, message: expect.stringContaining('Propeller customer ID') })
  })
})
