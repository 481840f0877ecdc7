import { AppError, isAppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import type { KustomerCustomer } from '#shared/providers/kustomer/request.ts'
import {
  buildCustomer,
  clientRefForRow,
  planBatches,
  rowForClientRef,
} from '#shared/providers/kustomer/request.ts'
import {
  parseSubmitResponse,
  type FoundCustomer,
  type KustomerOutcome,
} from '#shared/providers/kustomer/results.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { failRows } from '../fail-rows.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { ConnectionTarget, PreparedItem, ProviderTransport, TransportContext } from '../types.ts'
import { findByExternalId, findExisting } from './find-existing.ts'
import { followBulkJob } from './follow-bulk-job.ts'
import { KustomerHttp } from './kustomer-http.ts'
import { testKustomerConnection } from './test-connection.ts'

// Kustomer's bulk API, which has no upsert. Every row is first looked up (by External ID, or by email
// when it has none; find-existing.ts). Rows Kustomer does not have are POSTed to /v1/customers/bulk
// (create), the others PUT to the same path with their Kustomer id (update). Kustomer answers 201
// with a bulk job, which is followed to completion for the per-item results. A create still refused
// as "duplicate detected" (the customer appeared after the lookup, or an earlier row of the file
// created it) is looked up again and updated. A submit is never resent once Kustomer may have
// accepted it (there is no idempotency key), only when it certainly was not (429, 413).

type Operation = 'create' | 'update'
const METHOD = { create: 'POST', update: 'PUT' } as const

/** For a row that is too large to send even alone (also said by the dry run). */
export const tooLargeMessage = (): Message => message('sending:kustomer.tooLarge')

/** `what` happened, so the row's fate is unknown: a whole sentence for the row. */
function mayExist(what: Message, operation: Operation): Message {
  return operation === 'create'
    ? message('sending:kustomer.mayExist.create', { what })
    : message('sending:kustomer.mayExist.update', { what })
}

function rowOf(customer: KustomerCustomer): number {
  const row = rowForClientRef(customer._clientRef)
  if (row === null) throw new AppError('INTERNAL', `unexpected _clientRef ${customer._clientRef}`)
  return row
}

function failAll(batch: readonly KustomerCustomer[], why: Message): RowOutcome[] {
  return failRows(
    batch.map((customer) => ({ row: rowOf(customer) })),
    why,
  )
}

/** One outcome per row of the batch, in its order: Kustomer's first word on each row, or "not reported". */
function reconcile(
  batch: readonly KustomerCustomer[],
  reported: readonly KustomerOutcome[],
  operation: Operation,
): KustomerOutcome[] {
  const byRow = new Map<number, KustomerOutcome>()
  for (const outcome of reported) if (!byRow.has(outcome.row)) byRow.set(outcome.row, outcome)
  const notReported = sentence(mayExist(message('sending:kustomer.what.notReported'), operation))
  return batch.map((customer) => {
    const row = rowOf(customer)
    return byRow.get(row) ?? { row, status: 'failed', ...notReported }
  })
}

function asRowOutcome({ duplicate: _duplicate, ...outcome }: KustomerOutcome): RowOutcome {
  return outcome
}

async function* upload(
  items: readonly PreparedItem[],
  target: ConnectionTarget,
  ctx: TransportContext,
): AsyncGenerator<RowOutcome[]> {
  const http = new KustomerHttp(target, ctx)
  const customers = items.map((item) => buildCustomer(item.record, clientRefForRow(item.row)))
  const existing = await findExisting(http, customers)
  if (existing === null) return // cancelled during the lookups: nothing was written
  const creates: KustomerCustomer[] = []
  const updates: KustomerCustomer[] = []
  for (const customer of customers) {
    const found = existing.get(customer._clientRef)
    if (found) updates.push(asUpdate(customer, found))
    else creates.push(customer)
  }
  for (const [operation, list] of [
    ['create', creates],
    ['update', updates],
  ] as const) {
    const { batches, tooLarge } = planBatches(list, kustomer.limits)
    if (tooLarge.length > 0) yield failAll(tooLarge, tooLargeMessage())
    for (const batch of batches) {
      if (ctx.signal.aborted) return
      yield* sendBatch(http, batch, operation)
    }
  }
}

/**
 * The update of a customer Kustomer already has. Kustomer's PUT may replace what it is not sent
 * (documented for `company`), so a customer found by email keeps the External ID it already has.
 */
export function asUpdate(customer: KustomerCustomer, found: FoundCustomer): KustomerCustomer {
  const externalId = customer.externalId ?? found.externalId
  return { ...customer, id: found.id, ...(externalId === undefined ? {} : { externalId }) }
}

/** Submits one batch (halving it on 413) and yields the outcomes of each accepted part. */
async function* sendBatch(
  http: KustomerHttp,
  batch: KustomerCustomer[],
  operation: Operation,
): AsyncGenerator<RowOutcome[]> {
  const pending = [batch]
  for (let part = pending.shift(); part !== undefined; part = pending.shift()) {
    let response
    try {
      response = await http.request(METHOD[operation], '/v1/customers/bulk', part, true)
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      // The rows not yet sent are recorded as not sent by the caller; these ones may have arrived.
      if (!error.notSent) {
        yield failAll(part, mayExist(message('sending:kustomer.what.connectionBroke'), operation))
      }
      throw error.appError
    }
    if (response === null) return // cancelled while waiting for the rate limit: nothing was sent
    const { status, reason } = response
    if (status === 200 || status === 201 || status === 202) {
      yield* outcomesOf(http, part, response.body, operation)
    } else if (status === 413) {
      if (part.length === 1) {
        yield failAll(part, tooLargeMessage())
      } else {
        const half = Math.ceil(part.length / 2)
        pending.unshift(part.slice(0, half), part.slice(half))
      }
    } else if (status >= 500) {
      yield failAll(part, mayExist(message('sending:kustomer.what.serverProblem', { reason }), operation))
    } else if (status === 404) {
      throw new AppError('PROVIDER_PROTOCOL', t('sending:kustomer.noBulkUpload', { host: http.host, reason }))
    } else {
      // 400 and other refusals: Kustomer took none of the request; the reason applies to every row in it.
      yield failAll(
        part,
        operation === 'create'
          ? message('sending:kustomer.requestRefused.create', { reason })
          : message('sending:kustomer.requestRefused.update', { reason }),
      )
    }
  }
}

/** The accepted part's outcomes; if they cannot be read, its rows are reported as unknown and the upload stops. */
async function* outcomesOf(
  http: KustomerHttp,
  part: KustomerCustomer[],
  submitted: unknown,
  operation: Operation,
): AsyncGenerator<RowOutcome[]> {
  let job
  try {
    job = await followBulkJob(http, parseSubmitResponse(submitted))
  } catch (error) {
    if (!isAppError(error)) throw error
    const why = message('sending:kustomer.what.resultUnreadable', { error: error.message })
    yield failAll(part, mayExist(why, operation))
    throw error
  }
  if (job.kind === 'timed-out') {
    yield failAll(part, mayExist(message('sending:kustomer.what.notFinished'), operation))
    return
  }
  const outcomes = reconcile(part, job.outcomes, operation)
  // Only a create is re-routed: an update refused as a duplicate is a real conflict, reported as is.
  const existing = new Set(
    operation === 'create'
      ? outcomes.filter((outcome) => outcome.duplicate).map((outcome) => outcome.row)
      : [],
  )
  yield outcomes.filter((outcome) => !existing.has(outcome.row)).map(asRowOutcome)
  if (existing.size > 0) {
    yield* updateExisting(
      http,
      part.filter((customer) => existing.has(rowOf(customer))),
    )
  }
}

/** Creates refused because the External ID already belongs to a Kustomer customer: that customer is updated. */
async function* updateExisting(
  http: KustomerHttp,
  customers: KustomerCustomer[],
): AsyncGenerator<RowOutcome[]> {
  const found = await findByExternalId(
    http,
    customers.map((customer) => customer.externalId ?? ''),
  )
  // Cancelled: these rows were refused, so nothing of them was written; the runner records them as not sent.
  if (found === null) return
  const updates: KustomerCustomer[] = []
  const vanished: KustomerCustomer[] = []
  for (const customer of customers) {
    const match = customer.externalId ? found.get(customer.externalId) : undefined
    if (match) updates.push(asUpdate(customer, match))
    else vanished.push(customer)
  }
  if (vanished.length > 0) {
    yield failAll(vanished, message('sending:kustomer.duplicateVanished'))
  }
  const { batches, tooLarge } = planBatches(updates, kustomer.limits)
  if (tooLarge.length > 0) yield failAll(tooLarge, tooLargeMessage())
  for (const batch of batches) yield* sendBatch(http, batch, 'update')
}

export const kustomerTransport: ProviderTransport = { upload, testConnection: testKustomerConnection }
