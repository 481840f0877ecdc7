import { associationOf } from '#shared/providers/capillary/association.ts'
import { capillary } from '#shared/providers/capillary/index.ts'
import type { PlannedCustomer } from '#shared/providers/capillary/request.ts'
import { buildCustomer, planBatches } from '#shared/providers/capillary/request.ts'
import { tooLargeMessage } from '../../providers/capillary/transport.ts'
import type { DryRunPlanner, DryRunStep } from './types.ts'
import { failed, wouldSend } from './types.ts'

// Capillary's upload is an upsert by identifier within the source: Capillary decides create or
// update and says which only in its answer, and the transport looks nothing up first. So the dry run
// makes no request: it plans the same batches and calls their rows "would be sent". A batch with
// Group Loyalty rows takes one more request to link them (more if the links are large).

async function* plan(...[items, target]: Parameters<DryRunPlanner['plan']>): AsyncGenerator<DryRunStep> {
  const planned = items.map((item): PlannedCustomer => {
    const association = associationOf(item.record, target.settings)
    const customer = buildCustomer(item.record, target.settings)
    return association === undefined ? { row: item.row, customer } : { row: item.row, customer, association }
  })
  const { batches, tooLarge } = planBatches(planned, capillary.limits)
  if (tooLarge.length > 0) yield failed(tooLarge, tooLargeMessage())
  for (const batch of batches) {
    const links = batch.some((item) => item.association !== undefined) ? 1 : 0
    yield wouldSend(batch, 'wouldSend', 1 + links)
  }
}

export const capillaryDryRun: DryRunPlanner = { tellsCreateFromUpdate: false, isRead: () => false, plan }
