import { sentence } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import type { AssociatedCustomer } from '#shared/providers/capillary/association.ts'
import { parseAssociationResponse } from '#shared/providers/capillary/association.ts'
import { capillary } from '#shared/providers/capillary/index.ts'
import type { PlannedCustomer } from '#shared/providers/capillary/request.ts'
import { planBatches } from '#shared/providers/capillary/request.ts'
import { BATCH_LIMIT_EXCEEDED, describeCode, requestErrors } from '#shared/providers/capillary/results.ts'
import type { CapillaryCode } from '#shared/providers/capillary/results.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import type { CapillaryHttp } from './capillary-http.ts'
import { safeToResend, sendWithRetries } from './send-with-retries.ts'

// The second step for rows with Group Loyalty values: once the upsert saved the customer, its links
// (hierarchy, role, parent, fleet company) go to `PUT /v2/bulk` [C: the seed]. A row counts as done only
// when both steps went through; a row whose customer was saved but not linked is reported as failed
// (with the customer id), because uploading it again is what finishes it — and that is safe, since the
// upsert finds the customer and the links are set again, not added twice.

/** A row the upsert saved, waiting for its links. */
export interface SavedRow {
  item: PlannedCustomer & { association: NonNullable<PlannedCustomer['association']> }
  outcome: RowOutcome
}

/** Every row saved but not linked says so, then `why` (a clause that completes the sentence). */
function notLinked(rows: readonly SavedRow[], why: Message): RowOutcome[] {
  const said = sentence(message('sending:capillary.link.notLinked', { why }))
  return rows.map(({ outcome }) => ({
    row: outcome.row,
    status: 'failed',
    ...(outcome.id === undefined ? {} : { id: outcome.id }),
    ...said,
  }))
}

function refusedLink(errors: readonly CapillaryCode[]): Message {
  return message('sending:capillary.link.refused', {
    reasons: errors.map(describeCode).join('; '),
    advice: safeToResend(),
  })
}

/** The body item: the customer as the upsert sent it, plus its links. */
function associated(row: SavedRow): AssociatedCustomer {
  return { ...row.item.customer, associationDetails: row.item.association }
}

/** Splits a batch's outcomes: final ones, and saved rows that still need their links. */
export function awaitingLinks(
  part: readonly PlannedCustomer[],
  outcomes: readonly RowOutcome[],
): { ready: RowOutcome[]; toLink: SavedRow[] } {
  const byRow = new Map(part.map((item) => [item.row, item]))
  const ready: RowOutcome[] = []
  const toLink: SavedRow[] = []
  for (const outcome of outcomes) {
    const item = byRow.get(outcome.row)
    const saved = outcome.status === 'created' || outcome.status === 'updated'
    if (saved && item?.association !== undefined)
      toLink.push({ item: { ...item, association: item.association }, outcome })
    else ready.push(outcome)
  }
  return { ready, toLink }
}

/**
 * Links the saved rows, yielding each row's final outcome: the upsert's (created/updated, with its
 * warnings) when the link went through, failed with Capillary's reason when not. Throws, after yielding
 * the rows concerned, when the connection is lost for good.
 */
export async function* linkAssociations(
  http: CapillaryHttp,
  path: string,
  saved: readonly SavedRow[],
): AsyncGenerator<RowOutcome[]> {
  const byRow = new Map(saved.map((row) => [row.item.row, row]))
  const planned = saved.map((row) => ({ row: row.item.row, customer: associated(row) }))
  const { batches, tooLarge } = planBatches(planned, capillary.limits)
  if (tooLarge.length > 0) {
    yield notLinked(
      tooLarge.map((item) => byRow.get(item.row)!),
      message('sending:capillary.link.tooLarge'),
    )
  }
  const queue = batches.map((batch) => batch.map((item) => byRow.get(item.row)!))
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    const sent = await sendWithRetries(
      http,
      'PUT',
      path,
      part.map(associated),
      part.map((row) => row.item),
    )
    if (sent === 'cancelled') {
      yield notLinked(part, message('sending:capillary.link.cancelled', { advice: safeToResend() }))
      return
    }
    if ('lost' in sent) {
      yield notLinked(
        part,
        message('sending:capillary.link.connectionKeptBreaking', { advice: safeToResend() }),
      )
      throw sent.error
    }
    const codes = requestErrors(sent.body)
    if (sent.status === 413 || codes?.some((entry) => entry.code === BATCH_LIMIT_EXCEEDED)) {
      if (part.length > 1) {
        const half = Math.ceil(part.length / 2)
        queue.unshift(part.slice(0, half), part.slice(half))
      } else {
        yield notLinked(part, message('sending:capillary.link.tooLargeAlone', { advice: safeToResend() }))
      }
      continue
    }
    const results = sent.status === 200 ? parseAssociationResponse(sent.body, part.length) : null
    if (results === null) {
      const advice = safeToResend()
      const why =
        sent.status === 200
          ? message('sending:capillary.link.answerUnreadable', { advice })
          : codes !== null
            ? refusedLink(codes)
            : message('sending:capillary.link.answered', { reason: sent.reason, advice })
      yield notLinked(part, why)
      continue
    }
    yield results.map((result, index) => {
      const row = part[index]!
      return result.kind === 'linked' ? row.outcome : notLinked([row], refusedLink(result.errors))[0]!
    })
  }
}
