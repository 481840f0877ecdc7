import { AppError, isAppError } from '#shared/errors.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import type { KustomerCustomer } from '#shared/providers/kustomer/request.ts'
import {
  buildCustomer,
  clientRefForRow,
  planBatches,
  rowForClientRef,
} from '#shared/providers/kustomer/request.ts'
import { parseSubmitResponse } from '#shared/providers/kustomer/results.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { ConnectionTarget, PreparedItem, ProviderTransport, TransportContext } from '../types.ts'
import { followBulkJob } from './follow-bulk-job.ts'
import { ProviderNetworkError } from '../http/network.ts'
import { KustomerHttp } from './kustomer-http.ts'
import { testKustomerConnection } from './test-connection.ts'

// Kustomer's bulk create: each planned batch is POSTed to /v1/customers/bulk, which answers 201 with
// a bulk job; the job is followed to completion and its per-item results become row outcomes. A
// submit is never resent once Kustomer may have accepted it (there is no idempotency key), only when
// it certainly was not (429, 413).

const TOO_LARGE =
  "This row is too large to send: on its own it is over Kustomer's 100 kB request limit. Shorten its longest values (e.g. custom attributes) and upload it again."
const NOT_REPORTED =
  'Kustomer did not report on this row, so it may or may not have been created. Check in Kustomer (search by External ID or email) before uploading it again.'

function mayExist(what: string): string {
  return `${what}, so this row may or may not have been created in Kustomer. Check in Kustomer (search by External ID or email) before uploading it again.`
}

function rowOf(customer: KustomerCustomer): number {
  const row = rowForClientRef(customer._clientRef)
  if (row === null) throw new AppError('INTERNAL', `unexpected _clientRef ${customer._clientRef}`)
  return row
}

function failAll(batch: readonly KustomerCustomer[], message: string): RowOutcome[] {
  return batch.map((customer) => ({ row: rowOf(customer), status: 'failed', message }))
}

/** One outcome per row of the batch, in its order: Kustomer's first word on each row, or "not reported". */
function reconcile(batch: readonly KustomerCustomer[], reported: readonly RowOutcome[]): RowOutcome[] {
  const byRow = new Map<number, RowOutcome>()
  for (const outcome of reported) if (!byRow.has(outcome.row)) byRow.set(outcome.row, outcome)
  return batch.map((customer) => {
    const row = rowOf(customer)
    return byRow.get(row) ?? { row, status: 'failed', message: NOT_REPORTED }
  })
}

async function* upload(
  items: readonly PreparedItem[],
  target: ConnectionTarget,
  ctx: TransportContext,
): AsyncGenerator<RowOutcome[]> {
  const http = new KustomerHttp(target, ctx)
  const customers = items.map((item) => buildCustomer(item.record, clientRefForRow(item.row)))
  const { batches, tooLarge } = planBatches(customers, kustomer.limits)
  if (tooLarge.length > 0) yield failAll(tooLarge, TOO_LARGE)
  for (const batch of batches) {
    if (ctx.signal.aborted) return
    yield* sendBatch(http, batch)
  }
}

/** Submits one batch (halving it on 413) and yields the outcomes of each accepted part. */
async function* sendBatch(http: KustomerHttp, batch: KustomerCustomer[]): AsyncGenerator<RowOutcome[]> {
  const pending = [batch]
  for (let part = pending.shift(); part !== undefined; part = pending.shift()) {
    let response
    try {
      response = await http.request('POST', '/v1/customers/bulk', part, true)
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      // The rows not yet sent are recorded as not sent by the caller; these ones may have arrived.
      if (!error.notSent) yield failAll(part, mayExist('The connection to Kustomer broke while sending'))
      throw error.appError
    }
    if (response === null) return // cancelled while waiting for the rate limit: nothing was sent
    const { status, reason } = response
    if (status === 200 || status === 201 || status === 202) {
      yield* outcomesOf(http, part, response.body)
    } else if (status === 413) {
      if (part.length === 1) {
        yield failAll(part, TOO_LARGE)
      } else {
        const half = Math.ceil(part.length / 2)
        pending.unshift(part.slice(0, half), part.slice(half))
      }
    } else if (status >= 500) {
      yield failAll(part, mayExist(`Kustomer had a problem with this request (${reason})`))
    } else if (status === 404) {
      throw new AppError(
        'PROVIDER_PROTOCOL',
        `${http.host} does not offer Kustomer's bulk customer upload (${reason}). Check the connection's address: it should be your Kustomer API address, e.g. https://yourorg.api.kustomerapp.com.`,
      )
    } else {
      // 400 and other refusals: Kustomer took none of the request; the reason applies to every row in it.
      yield failAll(
        part,
        `Kustomer refused the request this row was in: ${reason}. Nothing in it was created.`,
      )
    }
  }
}

/** The accepted part's outcomes; if they cannot be read, its rows are reported as unknown and the upload stops. */
async function* outcomesOf(
  http: KustomerHttp,
  part: KustomerCustomer[],
  submitted: unknown,
): AsyncGenerator<RowOutcome[]> {
  let job
  try {
    job = await followBulkJob(http, parseSubmitResponse(submitted))
  } catch (error) {
    if (!isAppError(error)) throw error
    const why = `Kustomer accepted this row, but Crosswalk could not read the result (${error.message})`
    yield failAll(part, mayExist(why))
    throw error
  }
  if (job.kind === 'timed-out') {
    yield failAll(
      part,
      mayExist('Kustomer accepted this row but had not finished processing it after 5 minutes'),
    )
  } else {
    yield reconcile(part, job.outcomes)
  }
}

export const kustomerTransport: ProviderTransport = { upload, testConnection: testKustomerConnection }
