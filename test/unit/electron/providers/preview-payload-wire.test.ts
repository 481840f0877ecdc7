import { afterEach, describe, expect, it } from 'vitest'
import { ProviderId } from '#shared/ids.ts'
import { applyMapping } from '#shared/mapping/apply-mapping.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import type { ConnectionSettings, RowOutcome } from '#shared/providers/types.ts'
import { sampleCustomers } from '#shared/samples/sample-customers.ts'
import { TRANSPORTS } from '../../../../electron/engine/providers/registry.ts'
import type {
  PreparedItem,
  RunningSandbox,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// The mapping screen's "What will be sent" against the wire: one sample row is uploaded to the
// provider's sandbox through its real transport, every request is recorded, and the write request
// must be exactly the preview's method, path and body (JSON, or the form fields for Omnidesk).

const running: RunningSandbox[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
})

interface Recorded {
  request: string
  contentType: string
  body: string
}

function recordingContext(seen: Recorded[]): TransportContext {
  return {
    signal: new AbortController().signal,
    sleep,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      const headers = new Headers(init?.headers)
      seen.push({
        request: `${init?.method ?? 'GET'} ${url.pathname}${url.search}`,
        contentType: headers.get('content-type') ?? '',
        body: typeof init?.body === 'string' ? init.body : '',
      })
      return globalThis.fetch(input, init)
    },
  }
}

/** The first sample row as an upload sends it: auto-matched and mapped, row 2 under the header. */
function firstSampleItem(providerId: ProviderId): PreparedItem {
  const provider = PROVIDERS[providerId]
  const table = sampleCustomers(1)
  const mapping = { providerId, assignments: autoMatch(table.headers, provider) }
  return { row: 2, record: applyMapping(table.rows[0]!, mapping) }
}

async function wireOf(providerId: ProviderId, settingsOverride: ConnectionSettings = {}) {
  const sandbox = await startSandbox(providerId, { faults: { jobDelayMs: 5 } })
  running.push(sandbox)
  const settings = { ...sandbox.settings, ...settingsOverride }
  const item = firstSampleItem(providerId)
  const seen: Recorded[] = []
  const outcomes: RowOutcome[] = []
  const target = { baseUrl: sandbox.baseUrl, settings, secrets: sandbox.secrets }
  for await (const batch of TRANSPORTS[providerId].upload([item], target, recordingContext(seen))) {
    outcomes.push(...batch)
  }
  const preview = PROVIDERS[providerId].previewPayload(item.record, settings, item.row)
  return { preview, seen, outcomes, secrets: Object.values(sandbox.secrets) }
}

const CASES: [ProviderId, ConnectionSettings][] = [
  ...ProviderId.options.map((id): [ProviderId, ConnectionSettings] => [id, {}]),
  ['propeller', { existing: 'fillEmpty' }],
  ['propeller', { existing: 'updateOnly' }],
]

describe('the payload preview is what the transport sends', () => {
  it.each(CASES)('%s %j', async (providerId, override) => {
    const { preview, seen, outcomes, secrets } = await wireOf(providerId, override)
    expect(preview.refused).toBeUndefined()
    const writes = seen.filter((request) => request.request === preview.request)
    expect(writes, `requests seen: ${seen.map((r) => r.request).join(', ')}`).toHaveLength(1)
    const wire = writes[0]!
    if (preview.encoding === 'form') {
      expect(wire.contentType).toContain('application/x-www-form-urlencoded')
      expect([...new URLSearchParams(wire.body)]).toEqual(Object.entries(preview.body as object))
    } else {
      expect(wire.contentType).toContain('application/json')
      expect(JSON.parse(wire.body)).toEqual(preview.body)
    }
    for (const secret of secrets) expect(JSON.stringify(preview)).not.toContain(secret)
    // The row really went through, so the compared request is the one that carried it.
    expect(outcomes).toHaveLength(1)
    if (override['existing'] !== 'updateOnly') expect(outcomes[0]!.status).toMatch(/created|updated/)
  })
})
