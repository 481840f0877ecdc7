import { AppError } from '#shared/errors.ts'
import type { MatchBy } from '#shared/providers/propeller/connection.ts'
import { existingChoiceOf, matchByOf } from '#shared/providers/propeller/connection.ts'
import type { PlannedCustomer } from '#shared/providers/propeller/request.ts'
import { bulkBody, bulkPathFor, lookupValueOf } from '#shared/providers/propeller/request.ts'
import {
  SCHEMA_VALIDATION,
  createdByIdWarning,
  itemRefusalMessage,
  parseBulkResponse,
  schemaRefusalMessage,
  schemaViolations,
} from '#shared/providers/propeller/results.ts'
import type { ConnectionSettings, RowOutcome } from '#shared/providers/types.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { PropellerResponse } from './propeller-http.ts'
import type { PropellerHttp } from './propeller-http.ts'

// One planned batch through `POST /v2/customers/bulk/sourceId` or `…/bulk/id`, until every row in it
// has an outcome.
//
// By sourceId the bulk is an upsert keyed by source + sourceId: sending an item twice updates the
// customer the first send created, never a second one. So requests that may or may not have arrived
// (5xx, broken connections) are resent a few times rather than reported as unknown. By id that holds
// only when creating is switched off (skipCreate): an unknown id makes Propeller create a customer
// under a NEW id, so a resend could create a second one. In that mode a request that may have
// arrived is not resent; its rows are reported as possibly saved. Requests that certainly never
// arrived, and 429s (refused before processing), are resent in every mode.
//
// A 400 SchemaValidationException (10007) rejects the whole request and names items by JSON pointer
// (`#/customers/3…`): those rows fail with Propeller's reason, and the rest of the batch is sent again
// without them, until a request goes through. A 10007 that names no item (e.g. too many items) and a
// 413 split the batch in halves; a 10017 PayloadValidationError (server-side validation, no pointer)
// does too, to find the row it is about.

const SERVER_ATTEMPTS = 4
const SERVER_RETRY_FIRST_MS = 500
const PAYLOAD_VALIDATION = 10017

const TOO_LARGE =
  'This row is too large to send on its own (over the request size Crosswalk uses for Propeller). Shorten its longest values, e.g. notes, and upload it again.'

/** What the connection's settings mean for sending: the endpoint, and whether a resend is safe. */
interface Mode {
  matchBy: MatchBy
  updateOnly: boolean
  /** Sending a request twice has the same effect as once (see above). */
  idempotent: boolean
  /** The end of a message about a row that may or may not have been saved. */
  resendAdvice: string
  notCreated: string
}

export function modeOf(settings: ConnectionSettings): Mode {
  const matchBy = matchByOf(settings)
  const updateOnly = existingChoiceOf(settings) === 'updateOnly'
  const idempotent = matchBy === 'sourceId' || updateOnly
  const resendAdvice =
    matchBy === 'sourceId'
      ? 'Uploading it again is safe: Propeller finds customers by Customer ID and source, so it will not create a duplicate.'
      : idempotent
        ? 'Uploading it again is safe: the connection only updates existing customers, found by Propeller customer ID.'
        : 'Look the customer up in Propeller before uploading this row again: if Propeller did not know its Propeller customer ID, uploading it again would create a second customer.'
  const notCreated =
    matchBy === 'sourceId'
      ? 'Not uploaded: Propeller has no customer with this Customer ID and source, and the connection is set to update existing customers only. Choose to create new customers in the connection settings to add it.'
      : 'Not uploaded: Propeller has no customer with this Propeller customer ID, and the connection is set to update existing customers only. Check the ID against Propeller.'
  return { matchBy, updateOnly, idempotent, resendAdvice, notCreated }
}

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
  const mode = modeOf(settings)
  const queue: PlannedCustomer[][] = [batch]
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    const sent = await sendWithRetries(http, settings, mode, part)
    if (sent === 'cancelled') return
    if ('lost' in sent) {
      if (sent.lost.length > 0) yield sent.lost
      throw sent.error
    }
    if ('uncertain' in sent) {
      yield sent.uncertain
      continue
    }
    const { status, error, reason } = sent
    if (status === 200) {
      yield readResults(part, sent, mode)
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
      else yield failAll(part, itemRefusalMessage(reason, mode.matchBy))
      continue
    }
    if (status === 404 && error?.code !== 10008) {
      throw new AppError(
        'PROVIDER_PROTOCOL',
        `${http.host} does not offer Propeller's customer bulk API (${reason}). Check the API host in the connection settings.`,
      )
    }
    if (status >= 500) {
      const tried = mode.idempotent ? 'kept failing to process' : 'failed to process'
      yield failAll(
        part,
        `Propeller ${tried} the request this row was in (${reason}), so it may or may not have been saved. ${mode.resendAdvice}`,
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

/** The request may have arrived and must not be resent: its rows' outcomes. */
interface Uncertain {
  uncertain: RowOutcome[]
}

/**
 * Sends one request. When resending is safe (`mode.idempotent`), resends after 5xx answers and broken
 * connections; otherwise only after failures that certainly left nothing on Propeller's side.
 */
async function sendWithRetries(
  http: PropellerHttp,
  settings: ConnectionSettings,
  mode: Mode,
  part: PlannedCustomer[],
): Promise<PropellerResponse | Lost | Uncertain | 'cancelled'> {
  const body = bulkBody(
    settings,
    part.map((item) => item.customer),
  )
  const path = bulkPathFor(mode.matchBy)
  let mayHaveArrived = false
  for (let attempt = 1; ; attempt++) {
    let response: PropellerResponse | null
    try {
      response = await http.post(path, body)
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      mayHaveArrived ||= !error.notSent
      const message = `The connection to Propeller broke while sending this row, so it may or may not have been saved. ${mode.resendAdvice}`
      if (mayHaveArrived && !mode.idempotent) return { uncertain: failAll(part, message) }
      if (attempt >= SERVER_ATTEMPTS) {
        // Rows that certainly never arrived are left to the caller, which records them as not sent.
        return { lost: mayHaveArrived ? failAll(part, message) : [], error: error.appError }
      }
      if (!(await http.pause(SERVER_RETRY_FIRST_MS * 2 ** (attempt - 1)))) return 'cancelled'
      continue
    }
    if (response === null) return 'cancelled'
    if (response.status < 500 || attempt >= SERVER_ATTEMPTS || !mode.idempotent) return response
    if (!(await http.pause(SERVER_RETRY_FIRST_MS * 2 ** (attempt - 1)))) return 'cancelled'
  }
}

/** Per-row outcomes of a 200 answer, matched by `key` (the lookup value, unique within a batch). */
function readResults(
  part: readonly PlannedCustomer[],
  response: PropellerResponse,
  mode: Mode,
): RowOutcome[] {
  let results
  try {
    results = parseBulkResponse(response.body)
  } catch {
    return failAll(
      part,
      `Propeller processed the request this row was in, but Crosswalk could not read the answer, so it may or may not have been saved. ${mode.resendAdvice}`,
    )
  }
  const byKey = new Map(results.map((result) => [result.key, result]))
  return part.map((item): RowOutcome => {
    const key = lookupValueOf(item.customer)
    const result = byKey.get(key)
    if (result === undefined) {
      return {
        row: item.row,
        status: 'failed',
        message: `Propeller's answer did not mention this row, so it may or may not have been saved. ${mode.resendAdvice}`,
      }
    }
    if (result.success) {
      const outcome: RowOutcome = {
        row: item.row,
        status: result.action === 'create' ? 'created' : 'updated',
      }
      if (result.id !== null) outcome.id = result.id
      if (mode.matchBy === 'id' && result.action === 'create') {
        outcome.warnings = [createdByIdWarning(key, result.id)]
      }
      return outcome
    }
    if (/not found/i.test(result.error) && mode.updateOnly) {
      return { row: item.row, status: 'skipped', message: mode.notCreated }
    }
    return { row: item.row, status: 'failed', message: itemRefusalMessage(result.error, mode.matchBy) }
  })
}
