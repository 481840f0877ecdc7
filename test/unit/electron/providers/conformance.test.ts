import { afterEach, describe, expect, it } from 'vitest'
import { ProviderId } from '#shared/ids.ts'
import { applyMapping } from '#shared/mapping/apply-mapping.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { sampleCustomers } from '#shared/samples/sample-customers.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'
import { TRANSPORTS } from '../../../../electron/engine/providers/registry.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  RunningSandbox,
  SandboxOptions,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The promises every provider makes, whatever its API looks like: the sample spreadsheet maps and
// validates cleanly, "Test connection" tells a good key from a bad one, every row ends in exactly one
// outcome, a second upload of the same rows updates instead of duplicating, and injected faults never
// lose a row or report one as created that the provider does not have.

const running: RunningSandbox[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
})

async function sandboxFor(providerId: ProviderId, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox(providerId, { faults: { jobDelayMs: 5 }, ...options })
  running.push(sandbox)
  return sandbox
}

function targetOf(sandbox: RunningSandbox): ConnectionTarget {
  return { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets }
}

function context(): TransportContext {
  return { signal: new AbortController().signal, fetch: globalThis.fetch, sleep }
}

/** The sample spreadsheet as the rows an upload sends: auto-matched, mapped, validated. */
function sampleItems(providerId: ProviderId, count: number): PreparedItem[] {
  const provider = PROVIDERS[providerId]
  const table = sampleCustomers(count)
  const mapping = { providerId, assignments: autoMatch(table.headers, provider) }
  return table.rows.map((cells, index) => ({ row: index + 2, record: applyMapping(cells, mapping) }))
}

async function upload(providerId: ProviderId, items: PreparedItem[], target: ConnectionTarget) {
  const outcomes: RowOutcome[] = []
  for await (const batch of TRANSPORTS[providerId].upload(items, target, context())) outcomes.push(...batch)
  return outcomes
}

function expectOneOutcomePerRow(items: readonly PreparedItem[], outcomes: readonly RowOutcome[]): void {
  expect(outcomes.map((outcome) => outcome.row).sort((a, b) => a - b)).toEqual(items.map((item) => item.row))
}

describe.each(ProviderId.options)('provider conformance: %s', (providerId) => {
  const provider = PROVIDERS[providerId]

  it('is registered under its own id with a usable connection form', () => {
    expect(provider.id).toBe(providerId)
    expect(provider.connection.fields.some((field) => field.kind === 'secret')).toBe(true)
    const defaults = Object.fromEntries(
      provider.connection.fields.map((field) => [field.key, field.default ?? 'example']),
    )
    expect(provider.connection.baseUrl(defaults)).toMatch(/^https:\/\//)
  })

  it('auto-matches the sample spreadsheet and finds nothing to fix in it', () => {
    const items = sampleItems(providerId, 200)
    const required = provider.fields.filter((field) => field.required).map((field) => field.key)
    for (const key of required) expect(Object.keys(items[0]!.record)).toContain(key)
    const problems = items.flatMap((item) =>
      validateRecord(provider, item.record)
        .filter((issue) => issue.severity === 'error')
        .map((issue) => `row ${item.row} ${issue.field}: ${issue.message}`),
    )
    expect(problems).toEqual([])
  })

  it('tells a working connection from a wrong secret', async () => {
    const sandbox = await sandboxFor(providerId)
    const good = await TRANSPORTS[providerId].testConnection(targetOf(sandbox), context())
    expect(good).toMatchObject({ ok: true })
    const wrongSecrets = Object.fromEntries(Object.keys(sandbox.secrets).map((key) => [key, 'wrong']))
    const bad = await TRANSPORTS[providerId].testConnection(
      { ...targetOf(sandbox), secrets: wrongSecrets },
      context(),
    )
    expect(bad.ok).toBe(false)
    expect(bad.message.length).toBeGreaterThan(20)
  })

  it('creates 1,000 sample customers, then updates them on a second upload', async () => {
    const sandbox = await sandboxFor(providerId)
    const items = sampleItems(providerId, 1000)
    const first = await upload(providerId, items, targetOf(sandbox))
    expectOneOutcomePerRow(items, first)
    expect(first.filter((outcome) => outcome.status !== 'created')).toEqual([])
    expect(sandbox.customerCount()).toBe(1000)

    const again = items.slice(0, 150)
    const second = await upload(providerId, again, targetOf(sandbox))
    expectOneOutcomePerRow(again, second)
    expect(second.filter((outcome) => outcome.status !== 'updated')).toEqual([])
    expect(sandbox.customerCount()).toBe(1000)
  })

  it('accounts for every row when the provider fails and rate-limits now and then', async () => {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const sandbox = await sandboxFor(providerId, {
      faults: { serverErrorRate: 0.1, rateLimitRate: 0.1, jobDelayMs: 5 },
      random,
    })
    const items = sampleItems(providerId, 120)
    const outcomes = await upload(providerId, items, targetOf(sandbox))
    expectOneOutcomePerRow(items, outcomes)
    for (const outcome of outcomes) {
      if (outcome.status === 'failed' || outcome.status === 'skipped') expect(outcome.message).toBeTruthy()
    }
    // Injected 5xx and 429 answers are never processed, so "created" must match the provider's state.
    const created = outcomes.filter((outcome) => outcome.status === 'created').length
    expect(created).toBe(sandbox.customerCount())
  }, 60_000)

  it('never duplicates a customer when connections drop, before or after the provider saved it', async () => {
    for (const dropAfterProcessing of [false, true]) {
      let seed = 11
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
      const sandbox = await sandboxFor(providerId, {
        faults: { dropRate: 0.1, dropAfterProcessing, jobDelayMs: 5 },
        random,
      })
      const items = sampleItems(providerId, 60)
      let outcomes: RowOutcome[] = []
      try {
        outcomes = await upload(providerId, items, targetOf(sandbox))
      } catch (error) {
        // Giving up on a connection that keeps breaking is allowed; losing track of rows is not.
        expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' })
      }
      const rows = outcomes.map((outcome) => outcome.row)
      expect(new Set(rows).size).toBe(rows.length)
      const created = outcomes.filter((outcome) => outcome.status === 'created').length
      expect(created).toBeLessThanOrEqual(sandbox.customerCount())
      expect(sandbox.customerCount()).toBeLessThanOrEqual(items.length)
    }
  }, 120_000)
})
