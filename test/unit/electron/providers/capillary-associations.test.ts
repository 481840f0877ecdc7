import { afterEach, describe, expect, it } from 'vitest'
import type { RowOutcome } from '#shared/providers/types.ts'
import { capillaryTransport as transport } from '../../../../electron/engine/providers/capillary/transport.ts'
import type { PreparedItem, TransportContext } from '../../../../electron/engine/providers/types.ts'
import type { CapillarySandbox } from '../../../../electron/engine/sandbox/capillary/server.ts'
import { startCapillarySandbox } from '../../../../electron/engine/sandbox/capillary/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// Rows with Group Loyalty values: saved by the upsert, then linked through PUT /v2/bulk; the row's
// outcome is final only when both went through.

let sandbox: CapillarySandbox
afterEach(async () => {
  await sandbox?.close()
})

interface Sent {
  method: string
  path: string
  body: unknown
}

function context(sent: Sent[] = []): TransportContext {
  const recording: typeof fetch = async (input, init) => {
    const url = new URL(String(input))
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, body })
    return globalThis.fetch(input, init)
  }
  return { signal: new AbortController().signal, fetch: recording, sleep }
}

function row(row: number, record: Record<string, string>): PreparedItem {
  return { row, record: { 'identifiers.externalId': `CRM-${row}`, firstName: 'Fleet', ...record } }
}

async function upload(items: PreparedItem[], ctx = context()): Promise<RowOutcome[]> {
  const target = { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets }
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, target, ctx)) outcomes.push(...batch)
  return outcomes.sort((a, b) => a.row - b.row)
}

const FLEET = { 'associationDetails.hierarchyCode': 'FLEET' }

describe('capillary Group Loyalty links', () => {
  it('links saved customers into the hierarchy, parents before children in the same file', async () => {
    sandbox = await startCapillarySandbox()
    const sent: Sent[] = []
    const outcomes = await upload(
      [
        row(2, { ...FLEET, 'associationDetails.roleCode': 'GFA' }),
        row(3, {
          ...FLEET,
          'associationDetails.roleCode': 'SFA',
          'associationDetails.parentExternalId': 'CRM-2',
          'associationDetails.fleetCompanyExternalId': 'ACME-FLEET',
        }),
        row(4, {}), // no links: only the upsert
      ],
      context(sent),
    )
    expect(outcomes.map((outcome) => [outcome.row, outcome.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
    ])
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v2/integrations/customer/upsert/bulk',
      'PUT /v2/bulk',
    ])
    // Only the rows with links go to PUT /v2/bulk, with the customer and its associationDetails.
    const linked = sent[1]!.body as { associationDetails: Record<string, unknown> }[]
    expect(linked).toHaveLength(2)
    expect(linked[1]!.associationDetails).toEqual({
      hierarchyCode: 'FLEET',
      roleCode: 'SFA',
      parentCustomer: {
        profiles: [
          { identifiers: [{ type: 'externalId', value: 'CRM-2' }], source: 'INSTORE', accountId: '' },
        ],
      },
      fleetCompany: { externalId: 'ACME-FLEET' },
    })
    const [parent, child] = sandbox.customers()
    expect(child!.association).toEqual({
      hierarchyCode: 'FLEET',
      roleCode: 'SFA',
      parentId: parent!.id,
      fleetCompanyExternalId: 'ACME-FLEET',
    })
  })

  it('reports a saved but unlinked row as failed, with its id and what to fix; sending it again finishes it', async () => {
    sandbox = await startCapillarySandbox()
    const child = row(3, {
      ...FLEET,
      'associationDetails.roleCode': 'SFA',
      'associationDetails.parentExternalId': 'CRM-2',
    })
    const [outcome] = await upload([child])
    expect(outcome).toMatchObject({ row: 3, status: 'failed' })
    expect(outcome!.id).toBe(String(sandbox.customers()[0]!.id))
    expect(outcome!.message).toMatch(/saved this customer but did not link it/)
    expect(outcome!.message).toMatch(/parent customer \(code 8015\)/)
    expect(outcome!.message).toMatch(/will not create a duplicate/)

    await upload([row(2, { ...FLEET, 'associationDetails.roleCode': 'GFA' })])
    const [again] = await upload([child])
    expect(again).toMatchObject({ row: 3, status: 'updated' })
    expect(sandbox.customerCount()).toBe(2)
  })

  it('refuses a role the parent’s role cannot have below it, and an unknown hierarchy', async () => {
    sandbox = await startCapillarySandbox()
    await upload([row(2, { ...FLEET, 'associationDetails.roleCode': 'GFA' })])
    const outcomes = await upload([
      row(3, {
        ...FLEET,
        'associationDetails.roleCode': 'FC',
        'associationDetails.parentExternalId': 'CRM-2',
      }),
      row(4, { 'associationDetails.hierarchyCode': 'NOPE', 'associationDetails.roleCode': 'GFA' }),
    ])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed'])
    expect(outcomes[0]!.message).toMatch(/GFA cannot be the parent of FC/)
    expect(outcomes[1]!.message).toMatch(/Invalid hierarchy code: NOPE/)
  })

  it('resends the links after a 5xx (setting them again is harmless): every row ends once', async () => {
    sandbox = await startCapillarySandbox()
    let failures = 1
    const sent: Sent[] = []
    const ctx = context(sent)
    const flaky: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && failures-- > 0) {
        return new Response(JSON.stringify({ errors: [{ status: false, code: 500, message: 'boom' }] }), {
          status: 500,
        })
      }
      return ctx.fetch(input, init)
    }
    const outcomes = await upload([row(2, { ...FLEET, 'associationDetails.roleCode': 'GFA' })], {
      ...ctx,
      fetch: flaky,
    })
    expect(outcomes).toMatchObject([{ row: 2, status: 'created' }])
    expect(sandbox.customers()[0]!.association?.roleCode).toBe('GFA')
  })
})
