import { AppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import { associationOf, associationPath } from '#shared/providers/capillary/association.ts'
import { capillary } from '#shared/providers/capillary/index.ts'
import type { PlannedCustomer } from '#shared/providers/capillary/request.ts'
import { buildCustomer, planBatches, upsertPath } from '#shared/providers/capillary/request.ts'
import type { CapillaryCode } from '#shared/providers/capillary/results.ts'
import {
  BATCH_LIMIT_EXCEEDED,
  RETRY_LATER,
  describeCode,
  parseBulkResponse,
  refusedMessage,
  requestErrors,
  warningMessage,
} from '#shared/providers/capillary/results.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { failRows } from '../fail-rows.ts'
import type { ConnectionTarget, PreparedItem, ProviderTransport, TransportContext } from '../types.ts'
import { CapillaryHttp } from './capillary-http.ts'
import { safeToResend, sendWithRetries } from './send-with-retries.ts'
import { awaitingLinks, linkAssociations } from './link-associations.ts'
import { testCapillaryConnection } from './test-connection.ts'

// Capillary's upsert bulk: each planned batch is POSTed to /v2/integrations/customer/upsert/bulk, which
// answers synchronously with one element per item. The upsert finds the customer by identifier within
// the source and updates it, or registers it: resending an item is idempotent, so requests that
// failed with a 5xx or a broken connection are resent (a few times) rather than reported as unknown.
//
// Two codes ask for a resend rather than a fix: 1060 (batch limit exceeded) → the request is split in
// halves until Capillary takes it; 521 (another action is running on the same customer) → those items
// are resent one per request, one after another, after the rest of their batch.
//
// Rows with Group Loyalty values take a second step once saved: their links go to PUT /v2/bulk
// (link-associations.ts), and the row's outcome waits for it.

/** How often a 521 item is resent alone before it is reported as failed. */
const RETRY_LATER_ATTEMPTS = 4
const RETRY_LATER_FIRST_MS = 250

/** Codes that refuse every request the same way: a connection setting is wrong, so stop. */
const SETTINGS_CODES = new Set([8003, 8127, 3217])

/** For a row that is too large to send even alone (also said by the dry run). */
export const tooLargeMessage = (): Message => message('sending:capillary.tooLarge')
const batchLimitAlone = (): Message => message('sending:capillary.batchLimitAlone')
const stillBusy = (): Message => message('sending:capillary.stillBusy')

interface Work {
  part: PlannedCustomer[]
  /** 0 for a planned batch or a half of one; n for the n-th lone resend after a 521. */
  retryLater: number
}

async function* upload(
  items: readonly PreparedItem[],
  target: ConnectionTarget,
  ctx: TransportContext,
): AsyncGenerator<RowOutcome[]> {
  const http = new CapillaryHttp(target, ctx)
  const planned = items.map((item): PlannedCustomer => {
    const association = associationOf(item.record, target.settings)
    const customer = buildCustomer(item.record, target.settings)
    return association === undefined ? { row: item.row, customer } : { row: item.row, customer, association }
  })
  const { batches, tooLarge } = planBatches(planned, capillary.limits)
  if (tooLarge.length > 0) yield failRows(tooLarge, tooLargeMessage())
  const paths = { upsert: upsertPath(target.settings), link: associationPath(target.settings) }
  for (const batch of batches) {
    if (ctx.signal.aborted) return
    yield* sendBatch(http, paths, batch)
  }
}

async function* sendBatch(
  http: CapillaryHttp,
  paths: { upsert: string; link: string },
  batch: PlannedCustomer[],
): AsyncGenerator<RowOutcome[]> {
  const queue: Work[] = [{ part: batch, retryLater: 0 }]
  for (let work = queue.shift(); work !== undefined; work = queue.shift()) {
    const { part, retryLater } = work
    if (retryLater > 0 && !(await http.pause(RETRY_LATER_FIRST_MS * 2 ** (retryLater - 1)))) return
    const sent = await sendWithRetries(
      http,
      'POST',
      paths.upsert,
      part.map((item) => item.customer),
      part,
    )
    if (sent === 'cancelled') return
    if ('lost' in sent) {
      if (sent.lost.length > 0) yield sent.lost
      throw sent.error
    }
    const { status, body, reason } = sent
    const codes = requestErrors(body)
    if (status === 200 && codes === null) {
      let read: ReadResults
      try {
        read = readResults(part, body)
      } catch (error) {
        yield failRows(part, message('sending:capillary.answerUnreadable', { advice: safeToResend() }))
        throw error
      }
      const { ready, toLink } = awaitingLinks(part, read.outcomes)
      if (ready.length > 0) yield ready
      if (toLink.length > 0) yield* linkAssociations(http, paths.link, toLink)
      // Split items go first (they are part of this batch's turn); 521 items wait for the end.
      if (read.split.length > 0) queue.unshift(...halves(read.split))
      for (const item of read.retryLater) {
        if (retryLater + 1 > RETRY_LATER_ATTEMPTS) yield failRows([item], stillBusy())
        else queue.push({ part: [item], retryLater: retryLater + 1 })
      }
      continue
    }
    if (status === 413 || codes?.some((entry) => entry.code === BATCH_LIMIT_EXCEEDED)) {
      if (part.length === 1) yield failRows(part, status === 413 ? tooLargeMessage() : batchLimitAlone())
      else queue.unshift(...halves(part))
      continue
    }
    if (status === 404 && codes === null) {
      throw new AppError('PROVIDER_PROTOCOL', t('sending:capillary.noUpsert', { host: http.host, reason }))
    }
    if (codes !== null) {
      yield failRows(part, refusedMessage(codes))
      const setting = codes.find((entry) => SETTINGS_CODES.has(entry.code))
      if (setting) throw settingsError(setting)
      continue
    }
    if (status >= 500) {
      yield failRows(part, message('sending:capillary.keptFailing', { reason, advice: safeToResend() }))
      continue
    }
    yield failRows(part, message('sending:capillary.requestRefused', { reason }))
  }
}

/** Two halves of a part Capillary found too big; a lone item that is still too big is the caller's. */
function halves(part: PlannedCustomer[]): Work[] {
  if (part.length === 1) return [{ part, retryLater: 0 }]
  const half = Math.ceil(part.length / 2)
  return [
    { part: part.slice(0, half), retryLater: 0 },
    { part: part.slice(half), retryLater: 0 },
  ]
}

function settingsError(entry: CapillaryCode): AppError {
  return new AppError(
    'CONNECTION_INVALID',
    t('sending:capillary.settingsRefused', { reason: describeCode(entry) }),
  )
}

interface ReadResults {
  outcomes: RowOutcome[]
  split: PlannedCustomer[]
  retryLater: PlannedCustomer[]
}

/** Per-item outcomes of a 200 answer, plus the items Capillary asked to have resent. */
function readResults(part: readonly PlannedCustomer[], body: unknown): ReadResults {
  const results = parseBulkResponse(body, part.length)
  const read: ReadResults = { outcomes: [], split: [], retryLater: [] }
  results.forEach((result, index) => {
    const item = part[index]!
    const all = result.kind === 'refused' ? [...result.errors, ...result.warnings] : result.warnings
    // 521 is listed among Capillary's warnings but asks for a retry: resend (idempotent), never report.
    if (all.some((entry) => entry.code === RETRY_LATER)) {
      read.retryLater.push(item)
    } else if (result.kind === 'refused') {
      const tooMany = result.errors.some((entry) => entry.code === BATCH_LIMIT_EXCEEDED)
      if (tooMany && part.length > 1) read.split.push(item)
      else if (tooMany)
        read.outcomes.push({ row: item.row, status: 'failed', ...sentence(batchLimitAlone()) })
      else read.outcomes.push({ row: item.row, status: 'failed', message: refusedMessage(result.errors) })
    } else {
      const outcome: RowOutcome = {
        row: item.row,
        status: result.created ? 'created' : 'updated',
        id: result.id,
      }
      if (result.warnings.length > 0) outcome.warnings = result.warnings.map(warningMessage)
      read.outcomes.push(outcome)
    }
  })
  return read
}

export const capillaryTransport: ProviderTransport = { upload, testConnection: testCapillaryConnection }
