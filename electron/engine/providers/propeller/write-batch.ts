import { AppError } from '#shared/errors.ts'
import { existingChoiceOf } from '#shared/providers/propeller/connection.ts'
import type { PlannedCustomer } from '#shared/providers/propeller/request.ts'
import { BULK_BY_SOURCE_ID_PATH, bulkBody } from '#shared/providers/propeller/request.ts'
import {
  SCHEMA_VALIDATION,
  itemRefusalMessage,
  parseBulkResponse,
  schemaRefusalMessage,
  schemaViolations,
} from '#shared/providers/propeller/results.ts'
import type { ConnectionSettings, RowOutcome } from '#shared/providers/types.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { PropellerResponse } from './propeller-http.ts'
import type { PropellerHttp } from './propeller-http.ts'

// One planned batch through `POST /v2/customers/bulk/sourceId`, until every row in it has an outcome.
//
// The bulk is an upsert keyed by source + sourceId: sending an item twice updates the customer the
// first send created, never a second one. So requests that may or may not have arrived (5xx, broken
// connections) are resent a few times rather than reported as unknown.
//
// A 400 SchemaValidationException (10007) rejects the whole request and names items by JSON pointer
// (`#/customers/3…`): those rows fail with Propeller's reason, and the rest of the batch is sent again
// without them, until a request goes through. A 10007 that names no item (e.g. too many items) and a
// 413 split the batch in halves; a 10017 PayloadValidationError (server-side validation, no pointer)
// does too, to find the row it is about.

const SERVER_ATTEMPTS = 4
const SERVER_RETRY_FIRST_MS = 500
const PAYLOAD_VALIDATION = 10017

const SAFE_TO_RESEND =
  'Uploading it again is safe: Propeller finds customers by Customer ID and source, so it will not create a duplicate.'
const TOO_LARGE =
  'This row is too large to send on its own (over the request size Crosswalk uses for Propeller). Shorten its longest values, e.g. notes, and upload it again.'
const NOT_CREATED =
  'Not uploaded: Propeller has no customer with this Customer ID and source, and the connection is set to update existing customers only. Choose to create new customers in the connection settings to add it.'

function failAll(part: readonly PlannedCustomer[], message: string): RowOutcome[] {
  return part.map((item) => ({ row: item.row, status: 'failed', message }))
}

function halves(part: PlannedCustomer[]): PlannedCustomer[][] {
  const half = Math.ceil(part.length / 2)
  return [part.slice(0, half), part.slice(half)]
}

export async function* sendBatch(
  http: PropellerHttp,
  settings: ConnectionSettings,
  batch: PlannedCustomer[],
): AsyncGenerator<RowOutcome[]> {
  const queue: PlannedCustomer[][] = [batch]
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    const sent = await sendWithRetries(http, settings, part)
    if (sent === 'cancelled') return
    if ('lost' in sent) {
      if (sent.lost.length > 0) yield sent.lost
      throw sent.error
    }
    const { status, error, reason } = sent
    if (status === 200) {
      yield readResults(part, sent, existingChoiceOf(settings) === 'updateOnly')
      continue
    }
    if (status === 400 && error?.code === SCHEMA_VALIDATION) {
      const { byItem, general } = schemaViolations(error.messages)
      const refused = [...byItem.keys()].filter((index) => index < part.length)
      if (refused.length > 0) {
        yield refused.map((index) => ({
          row: part[index]!.row,
          status: 'failed',
          message: schemaRefusalMessage(byItem.get(index)!),
        }))
        const rest = part.filter((_, index) => !byItem.has(index))
        if (rest.length > 0) queue.unshift(rest)
        continue
      }
      if (part.length > 1) queue.unshift(...halves(part))
      else
        yield failAll(
          part,
          `Propeller refused this row: ${general.join('; ') || reason}. Fix the row in the file and upload it again.`,
        )
      continue
    }
    if (status === 413 || (status === 400 && error?.code === PAYLOAD_VALIDATION)) {
      if (part.length > 1) queue.unshift(...halves(part))
      else if (status === 413) yield failAll(part, TOO_LARGE)
      else yield failAll(part, itemRefusalMessage(reason))
      continue
    }
    if (status === 404 && error?.code !== 10008) {
      throw new AppError(
        'PROVIDER_PROTOCOL',
        `${http.host} does not offer Propeller's customer bulk API (${reason}). Check the API host in the connection settings.`,
      )
    }
    if (status >= 500) {
      yield failAll(
        part,
        `Propeller kept failing to process the request this row was in (${reason}), so it may or may not have been saved. ${SAFE_TO_RESEND}`,
      )
      continue
    }
    yield failAll(part, `Propeller refused the request this row was in: ${reason}. Nothing in it was saved.`)
  }
}

/** The connection kept breaking: the rows that may have arrived, and the error that stops the upload. */
interface Lost {
  lost: RowOutcome[]
  error: AppError
}

/** Sends one request, resending it after 5xx answers and broken connections (the upsert is idempotent). */
async function sendWithRetries(
  http: PropellerHttp,
  settings: ConnectionSettings,
  part: PlannedCustomer[],
): Promise<PropellerResponse | Lost | 'cancelled'> {
  const body = bulkBody(
    settings,
    part.map((item) => item.customer),
  )
  let mayHaveArrived = false
  for (let attempt = 1; ; attempt++) {
    let response: PropellerResponse | null
    try {
      response = await http.post(BULK_BY_SOURCE_ID_PATH, body)
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      mayHaveArrived ||= !error.notSent
      if (attempt >= SERVER_ATTEMPTS) {
        // Rows that certainly never arrived are left to the caller, which records them as not sent.
        const message = `The connection to Propeller kept breaking while sending this row, so it may or may not have been saved. ${SAFE_TO_RESEND}`
        return { lost: mayHaveArrived ? failAll(part, message) : [], error: error.appError }
      }
      if (!(await http.pause(SERVER_RETRY_FIRST_MS * 2 ** (attempt - 1)))) return 'cancelled'
      continue
    }
    if (response === null) return 'cancelled'
    if (response.status < 500 || attempt >= SERVER_ATTEMPTS) return response
    if (!(await http.pause(SERVER_RETRY_FIRST_MS * 2 ** (attempt - 1)))) return 'cancelled'
  }
}

/** Per-row outcomes of a 200 answer, matched by `key` (the sourceId, unique within a batch). */
function readResults(
  part: readonly PlannedCustomer[],
  response: PropellerResponse,
  updateOnly: boolean,
): RowOutcome[] {
  let results
  try {
    results = parseBulkResponse(response.body)
  } catch {
    return failAll(
      part,
      `Propeller processed the request this row was in, but Crosswalk could not read the answer, so it may or may not have been saved. ${SAFE_TO_RESEND}`,
    )
  }
  const byKey = new Map(results.map((result) => [result.key, result]))
  return part.map((item): RowOutcome => {
    const result = byKey.get(item.customer.sourceId)
    if (result === undefined) {
      return {
        row: item.row,
        status: 'failed',
        message: `Propeller's answer did not mention this row, so it may or may not have been saved. ${SAFE_TO_RESEND}`,
      }
    }
    if (result.success) {
      const outcome: RowOutcome = {
        row: item.row,
        status: result.action === 'create' ? 'created' : 'updated',
      }
      if (result.id !== null) outcome.id = result.id
      return outcome
    }
    if (/not found/i.test(result.error) && updateOnly) {
      return { row: item.row, status: 'skipped', message: NOT_CREATED }
    }
    return { row: item.row, status: 'failed', message: itemRefusalMessage(result.error) }
  })
}
