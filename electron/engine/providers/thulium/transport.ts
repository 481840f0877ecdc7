import { sentence } from '#shared/i18n/i18n.ts'
import { buildCustomer } from '#shared/providers/thulium/request.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { ConnectionTarget, PreparedItem, ProviderTransport, TransportContext } from '../types.ts'
import type { Found } from './lookup.ts'
import { lookupAll } from './lookup.ts'
import { duplicateIdentifierSearch, lookupRefused } from './messages.ts'
import { testThuliumConnection } from './test-connection.ts'
import { ThuliumHttp } from './thulium-http.ts'
import type { Entry } from './write-batches.ts'
import { writeAll } from './write-batches.ts'

// Thulium has no upsert: `POST /api/batch/customers` always creates, and `PUT` updates by Thulium's
// own customer_id. So rows are taken a chunk at a time: their identifiers are looked up, rows
// Thulium already has are updated with the customer_id found, and the rest are created.
//
// Why `identifier`: it is the field Thulium has for the customer's number in *your* systems
// ("Identyfikator klienta"), it is a documented search filter, and it names one customer. Email and
// phone are documented as "one or many" per customer and are shared in real life (families,
// company switchboards), so matching on them would update the wrong person. Rows without an
// identifier are always created (validation warns about that beforehand).

/** Rows per chunk: one batch request's worth, so lookups and writes alternate and progress flows. */
const CHUNK_ROWS = 100

async function* upload(
  items: readonly PreparedItem[],
  target: ConnectionTarget,
  ctx: TransportContext,
): AsyncGenerator<RowOutcome[]> {
  const http = new ThuliumHttp(target, ctx)
  for await (const { creates, updates, outcomes } of lookedUpChunks(http, items, ctx)) {
    if (outcomes.length > 0) yield outcomes
    yield* writeAll(http, creates, 'create')
    if (ctx.signal.aborted) return
    yield* writeAll(http, updates, 'update')
  }
}

/**
 * The rows a chunk at a time, each chunk's identifiers looked up and the rows split into creates,
 * updates and outcomes (searches that could not decide). Shared by the upload and its dry run, so
 * the two always plan the same requests. Ends early when cancelled or a lookup gives up.
 */
export async function* lookedUpChunks(
  http: ThuliumHttp,
  items: readonly PreparedItem[],
  ctx: TransportContext,
): AsyncGenerator<ReturnType<typeof split>> {
  const entries = items.map((item): Entry => {
    const customer = buildCustomer(item.record)
    return { row: item.row, customer, ...(customer.identifier ? { identifier: customer.identifier } : {}) }
  })
  for (const chunk of chunks(entries)) {
    if (ctx.signal.aborted) return
    const found = await lookupAll(
      http,
      chunk.flatMap((entry) => entry.identifier ?? []),
    )
    if (found === null) return
    yield split(chunk, found)
  }
}

/**
 * Chunks of up to CHUNK_ROWS in row order. A row whose identifier already occurs in the chunk starts
 * the next one: its lookup then runs after the earlier row was written, so it updates that customer
 * instead of creating a twin (a later row wins, as in the spreadsheet).
 */
export function chunks(entries: readonly Entry[]): Entry[][] {
  const result: Entry[][] = []
  let current: Entry[] = []
  let seen = new Set<string>()
  for (const entry of entries) {
    const repeat = entry.identifier !== undefined && seen.has(entry.identifier)
    if (current.length >= CHUNK_ROWS || repeat) {
      result.push(current)
      current = []
      seen = new Set()
    }
    current.push(entry)
    if (entry.identifier !== undefined) seen.add(entry.identifier)
  }
  if (current.length > 0) result.push(current)
  return result
}

/** The chunk by what its lookups found: rows to create, rows to update (with their customer_id), rows that fail. */
export function split(chunk: readonly Entry[], found: ReadonlyMap<string, Found>) {
  const creates: Entry[] = []
  const updates: Entry[] = []
  const outcomes: RowOutcome[] = []
  for (const entry of chunk) {
    const result: Found =
      entry.identifier === undefined ? { kind: 'none' } : (found.get(entry.identifier) ?? { kind: 'none' })
    if (result.kind === 'none') creates.push(entry)
    else if (result.kind === 'one')
      updates.push({ ...entry, customer: { customer_id: result.customerId, ...entry.customer } })
    else if (result.kind === 'many') {
      outcomes.push({
        row: entry.row,
        status: 'failed',
        ...sentence(duplicateIdentifierSearch(entry.identifier!)),
      })
    } else outcomes.push({ row: entry.row, status: 'failed', ...sentence(lookupRefused(result.reason)) })
  }
  return { creates, updates, outcomes }
}

export const thuliumTransport: ProviderTransport = { upload, testConnection: testThuliumConnection }
