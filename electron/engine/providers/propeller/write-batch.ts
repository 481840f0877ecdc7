import { AppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
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
import { failRows } from '../fail-rows.ts'
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

/** For a row that is too large to send even alone (also said by the transport and the dry run). */
export const tooLargeMessage = (): Message => message('sending:propeller.tooLarge')

/** What the connection's settings mean for sending: the endpoint, and whether a resend is safe. */
interface Mode {
  matchBy: MatchBy
  updateOnly: boolean
  /** Sending a request twice has the same effect as once (see above). */
  idempotent: boolean
  /** The end of a message about a row that may or may not have been saved. */
  resendAdvice(): Message
  /** Why a row was skipped: it names no customer Propeller has, and creating is switched off. */
  notCreated(): Message
}

export function modeOf(settings: ConnectionSettings): Mode {
  const matchBy = matchByOf(settings)
  const updateOnly = existingChoiceOf(settings) === 'updateOnly'
  const idempotent = matchBy === 'sourceId' || updateOnly
  const resendAdvice = () =>
    matchBy === 'sourceId'
      ? message('sending:propeller.resendAdvice.bySourceId')
      : idempotent
        ? message('sending:propeller.resendAdvice.updateOnlyById')
        : message('sending:propeller.resendAdvice.lookUpFirst')
  const notCreated = () =>
    matchBy === 'sourceId'
      ? message('sending:propeller.notCreated.bySourceId')
      : message('sending:propeller.notCreated.byId')
  return { matchBy, updateOnly, idempotent, resendAdvice, notCreated }
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
        yield failRows(
          part,
          message('sending:propeller.rowRefused', { reason: general.join('; ') || reason }),
        )
      continue
    }
    if (status === 413 || (status === 400 && error?.code === PAYLOAD_VALIDATION)) {
      if (part.length > 1) queue.unshift(...halves(part))
      else if (status === 413) yield failRows(part, tooLargeMessage())
      else yield failRows(part, itemRefusalMessage(reason, mode.matchBy))
      continue
    }
    if (status === 404 && error?.code !== 10008) {
      throw new AppError('PROVIDER_PROTOCOL', t('sending:propeller.noBulkApi', { host: http.host, reason }))
    }
    if (status >= 500) {
      const values = { reason, advice: mode.resendAdvice() }
      yield failRows(
        part,
        mode.idempotent
          ? message('sending:propeller.keptFailing', values)
          : message('sending:propeller.failedOnce', values),
      )
      continue
    }
    yield failRows(part, message('sending:propeller.requestRefused', { reason }))
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
      const why = message('sending:propeller.connectionBroke', { advice: mode.resendAdvice() })
      if (mayHaveArrived && !mode.idempotent) return { uncertain: failRows(part, why) }
      if (attempt >= SERVER_ATTEMPTS) {
        // Rows that certainly never arrived are left to the caller, which records them as not sent.
        return { lost: mayHaveArrived ? failRows(part, why) : [], error: error.appError }
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
    return failRows(part, message('sending:propeller.answerUnreadable', { advice: mode.resendAdvice() }))
  }
  const byKey = new Map(results.map((result) => [result.key, result]))
  return part.map((item): RowOutcome => {
    const key = lookupValueOf(item.customer)
    const result = byKey.get(key)
    if (result === undefined) {
      return {
        row: item.row,
        status: 'failed',
        ...sentence(message('sending:propeller.notMentioned', { advice: mode.resendAdvice() })),
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
      return { row: item.row, status: 'skipped', ...sentence(mode.notCreated()) }
    }
    return { row: item.row, status: 'failed', message: itemRefusalMessage(result.error, mode.matchBy) }
  })
}
