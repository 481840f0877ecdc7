import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { propeller } from '#shared/providers/propeller/index.ts'
import { planBatches, planCustomers, sourceOf } from '#shared/providers/propeller/request.ts'
import { tooLargeMessage } from '../../providers/propeller/transport.ts'
import type { DryRunPlanner, DryRunStep } from './types.ts'
import { failed, wouldSend } from './types.ts'

// Propeller's upload is a bulk upsert: Propeller itself decides, per customer, whether it creates or
// updates, and the transport makes no lookup first. So the dry run makes no request at all: it plans
// the same requests (rows that cannot name their customer, rows too large) and calls the rest
// "would be sent".

async function* plan(...[items, target]: Parameters<DryRunPlanner['plan']>): AsyncGenerator<DryRunStep> {
  if (sourceOf(target.settings) === '') {
    throw new AppError('CONNECTION_INVALID', t('engine:dryRun.propellerNoSource'))
  }
  const { planned, refused } = planCustomers(items, target.settings)
  if (refused.length > 0) {
    yield {
      outcomes: refused.map(({ row, message }) => ({
        row,
        status: 'failed',
        ...(message ? { message } : {}),
      })),
      requests: 0,
    }
  }
  const { batches, tooLarge } = planBatches(planned, propeller.limits)
  if (tooLarge.length > 0) yield failed(tooLarge, tooLargeMessage())
  for (const batch of batches) yield wouldSend(batch, 'wouldSend')
}

export const propellerDryRun: DryRunPlanner = { tellsCreateFromUpdate: false, isRead: () => false, plan }
