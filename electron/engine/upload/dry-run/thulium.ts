import { thulium } from '#shared/providers/thulium/index.ts'
import { planBatches } from '#shared/providers/thulium/request.ts'
import { tooLargeMessage } from '../../providers/thulium/messages.ts'
import { ThuliumHttp } from '../../providers/thulium/thulium-http.ts'
import { lookedUpChunks } from '../../providers/thulium/transport.ts'
import type { Entry } from '../../providers/thulium/write-batches.ts'
import { failed, onlyGets, wouldSend, type DryRunPlanner, type DryRunStep } from './types.ts'

// Thulium's upload searches each chunk's identifiers, then creates the rows it did not find and
// updates the others by customer_id. The dry run runs the same searches on the same chunks and plans
// the same create and update requests. A row whose identifier an earlier row would create is an
// update: the real upload puts it in a later chunk, whose search then finds that customer.

async function* plan(
  ...[items, target, ctx, created]: Parameters<DryRunPlanner['plan']>
): AsyncGenerator<DryRunStep> {
  const http = new ThuliumHttp(target, ctx)
  for await (const { creates, updates, outcomes } of lookedUpChunks(http, items, ctx)) {
    if (outcomes.length > 0)
      yield {
        outcomes: outcomes.map(({ row, message }) => ({
          row,
          status: 'failed',
          ...(message ? { message } : {}),
        })),
        requests: 0,
      }
    const newOnes: Entry[] = []
    for (const entry of creates) {
      if (entry.identifier !== undefined && created.has(entry.identifier)) updates.push(entry)
      else {
        newOnes.push(entry)
        if (entry.identifier !== undefined) created.add(entry.identifier)
      }
    }
    for (const [status, list] of [
      ['wouldCreate', newOnes],
      ['wouldUpdate', updates],
    ] as const) {
      const { batches, tooLarge } = planBatches(list, (entry) => entry.customer, thulium.limits)
      if (tooLarge.length > 0) yield failed(tooLarge, tooLargeMessage())
      for (const batch of batches) yield wouldSend(batch, status)
    }
  }
}

export const thuliumDryRun: DryRunPlanner = { tellsCreateFromUpdate: true, isRead: onlyGets, plan }
