import { AppError, isAppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import { thulium } from '#shared/providers/thulium/index.ts'
import type { ThuliumCustomer } from '#shared/providers/thulium/request.ts'
import { BATCH_PATH, batchBody, planBatches } from '#shared/providers/thulium/request.ts'
import type { ItemResult } from '#shared/providers/thulium/results.ts'
import { parseBatchResponse, refusedMessage } from '#shared/providers/thulium/results.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { failRows } from '../fail-rows.ts'
import { ProviderNetworkError } from '../http/network.ts'
import { lookupAll } from './lookup.ts'
import { mayExist, notUpdated, requestRefused, tooLargeMessage } from './messages.ts'
import type { ThuliumHttp } from './thulium-http.ts'

// Sending batches to `POST` (create) and `PUT` (update) /api/batch/customers and turning Thulium's
// per-position answers into row outcomes.
//
// Creates have no idempotency key, so a create that may have reached Thulium (5xx, broken
// connection, a position missing from the answer) is never blindly resent: its rows are searched for
// by identifier first. Found → it was created; not found → it certainly was not, and is resent.
// Rows without an identifier cannot be checked and are reported as unknown.
// Updates set fields on a known customer_id: sending the same update twice leaves the same customer,
// so they are resent after a failure without checking.

export interface Entry {
  row: number
  customer: ThuliumCustomer
  identifier?: string
}

const MAX_ATTEMPTS = 3
const RETRY_DELAY_MS = 500

type Mode = 'create' | 'update'

export async function* writeAll(
  http: ThuliumHttp,
  entries: readonly Entry[],
  mode: Mode,
): AsyncGenerator<RowOutcome[]> {
  const { batches, tooLarge } = planBatches(entries, (entry) => entry.customer, thulium.limits)
  if (tooLarge.length > 0) yield failRows(tooLarge, tooLargeMessage())
  for (const batch of batches) {
    const done = yield* sendBatch(http, batch, mode)
    if (!done) return
  }
}

/** Sends one planned batch until every row has an outcome; false when cancelled before sending. */
async function* sendBatch(
  http: ThuliumHttp,
  batch: Entry[],
  mode: Mode,
): AsyncGenerator<RowOutcome[], boolean> {
  const queue: { part: Entry[]; attempt: number }[] = [{ part: batch, attempt: 1 }]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { part, attempt } = next
    if (attempt > 1 && !(await http.pause(RETRY_DELAY_MS * 2 ** (attempt - 2)))) return false
    /** The rows whose fate is unknown after this request, and why. */
    let unsure: Entry[] = part
    let trouble: Message
    try {
      const response = await http.request(
        mode === 'create' ? 'POST' : 'PUT',
        BATCH_PATH,
        batchBody(part.map((entry) => entry.customer)),
      )
      if (response === null) return false
      const { status, reason } = response
      if (status === 200 || status === 201) {
        const { outcomes, unknown } = readAnswer(part, response.body, mode)
        if (outcomes.length > 0) yield outcomes
        if (unknown.length === 0) continue
        unsure = unknown
        trouble = message('sending:thulium.what.notReported')
      } else if (status === 413) {
        const half = Math.ceil(part.length / 2)
        if (part.length === 1) yield failRows(part, tooLargeMessage())
        else queue.unshift({ part: part.slice(0, half), attempt }, { part: part.slice(half), attempt })
        continue
      } else if (status === 404) {
        throw new AppError('PROVIDER_PROTOCOL', t('sending:thulium.noBatchApi', { host: http.host, reason }))
      } else if (status < 500) {
        // 400 and other refusals of the whole request: Thulium saved none of it.
        yield failRows(part, requestRefused(reason))
        continue
      } else {
        trouble = message('sending:thulium.what.serverProblem', { reason })
      }
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      // Nothing of this part reached Thulium: the caller records its rows as not sent.
      if (error.notSent) throw error.appError
      trouble = message('sending:thulium.what.connectionBroke', { error: error.appError.message })
    }
    const retry = mode === 'create' ? yield* settleCreates(http, unsure, trouble) : unsure
    if (retry.length === 0) continue
    if (attempt < MAX_ATTEMPTS) queue.push({ part: retry, attempt: attempt + 1 })
    else yield failRows(retry, mode === 'create' ? mayExist(trouble) : notUpdated(trouble))
  }
  return true
}

/** Outcomes of the positions Thulium answered; the rows of positions it left out are `unknown`. */
function readAnswer(part: Entry[], body: unknown, mode: Mode): { outcomes: RowOutcome[]; unknown: Entry[] } {
  let results: (ItemResult | undefined)[]
  try {
    results = parseBatchResponse(body, part.length)
  } catch (error) {
    if (!isAppError(error)) throw error
    // Thulium took the request but its answer is unreadable: find out what happened as after a 5xx.
    results = part.map(() => undefined)
  }
  const outcomes: RowOutcome[] = []
  const unknown: Entry[] = []
  part.forEach((entry, index) => {
    const result = results[index]
    if (result === undefined) {
      unknown.push(entry)
    } else if (result.ok) {
      const id = result.customerId ?? entry.customer.customer_id
      const status = mode === 'create' ? 'created' : 'updated'
      outcomes.push({ row: entry.row, status, ...(id === undefined ? {} : { id }) })
    } else {
      outcomes.push({ row: entry.row, status: 'failed', message: refusedMessage(result.message) })
    }
  })
  return { outcomes, unknown }
}

/**
 * After a create whose fate is unknown: rows found by identifier were created (they were not there
 * before the batch); rows without an identifier are reported as unknown. Returns the rows that
 * certainly were not created, to send again.
 */
async function* settleCreates(
  http: ThuliumHttp,
  part: Entry[],
  trouble: Message,
): AsyncGenerator<RowOutcome[], Entry[]> {
  const checkable = part.filter((entry) => entry.identifier !== undefined)
  const unchecked = part.filter((entry) => entry.identifier === undefined)
  if (unchecked.length > 0) yield failRows(unchecked, mayExist(trouble))
  let found
  try {
    found = await lookupAll(
      http,
      checkable.map((entry) => entry.identifier!),
    )
  } catch (error) {
    yield failRows(checkable, mayExist(trouble))
    throw error
  }
  if (found === null) {
    yield failRows(
      checkable,
      mayExist(message('sending:thulium.what.cancelledBeforeCheck', { what: trouble })),
    )
    return []
  }
  const outcomes: RowOutcome[] = []
  const resend: Entry[] = []
  for (const entry of checkable) {
    const result = found.get(entry.identifier!)
    if (result?.kind === 'one') outcomes.push({ row: entry.row, status: 'created', id: result.customerId })
    else if (result?.kind === 'none') resend.push(entry)
    else outcomes.push({ row: entry.row, status: 'failed', ...sentence(mayExist(trouble)) })
  }
  if (outcomes.length > 0) yield outcomes
  return resend
}
