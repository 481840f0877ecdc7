import { sentence } from '#shared/i18n/i18n.ts'
import { OMNIDESK_PATHS, primaryIdOf, spellingWarnings } from '#shared/providers/omnidesk/request.ts'
import type { PreparedItem } from '../../providers/types.ts'
import { IN_FLIGHT, upserterFor } from '../../providers/omnidesk/transport.ts'
import { noPrimaryIdMessage } from '../../providers/omnidesk/upsert-row.ts'
import { onlyGets, type DryRunOutcome, type DryRunPlanner, type DryRunStep } from './types.ts'

// Omnidesk has no bulk endpoint: each row is searched for by its primary Customer ID and then
// created or updated on its own, so every row that would be sent is one write request. The dry run
// makes the searches (a POST, but a read: it changes nothing) and stops there. Omnidesk has no
// documented body limit that the upload checks before sending, so no row is failed as too large here.

async function* plan(
  ...[items, target, ctx, created]: Parameters<DryRunPlanner['plan']>
): AsyncGenerator<DryRunStep> {
  const upserter = upserterFor(target, ctx)
  const outcomeOf = async (item: PreparedItem): Promise<DryRunOutcome | null> => {
    const primaryId = primaryIdOf(item.record)
    if (primaryId === undefined) return { row: item.row, status: 'failed', ...sentence(noPrimaryIdMessage()) }
    const search = await upserter.search(primaryId, true)
    if (search === null) return null
    const warnings = spellingWarnings(item.record)
    const existing = search.found || created.has(primaryId)
    if (!existing) created.add(primaryId)
    const status = existing ? 'wouldUpdate' : 'wouldCreate'
    return { row: item.row, status, ...(warnings.length > 0 ? { warnings } : {}) }
  }
  // As many searches in flight as the upload has rows in flight.
  for (let start = 0; start < items.length; start += IN_FLIGHT) {
    if (ctx.signal.aborted) return
    const group = await Promise.all(items.slice(start, start + IN_FLIGHT).map(outcomeOf))
    const outcomes = group.filter((outcome) => outcome !== null)
    yield { outcomes, requests: outcomes.filter((outcome) => outcome.status !== 'failed').length }
    if (outcomes.length < group.length) return // cancelled
  }
}

export const omnideskDryRun: DryRunPlanner = {
  tellsCreateFromUpdate: true,
  isRead: (request) =>
    onlyGets(request) || (request.method === 'POST' && request.path === OMNIDESK_PATHS.searchByPrimaryId),
  plan,
}
