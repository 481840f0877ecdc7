import { kustomer } from '#shared/providers/kustomer/index.ts'
import type { KustomerCustomer } from '#shared/providers/kustomer/request.ts'
import {
  buildCustomer,
  clientRefForRow,
  planBatches,
  rowForClientRef,
} from '#shared/providers/kustomer/request.ts'
import { findExisting } from '../../providers/kustomer/find-existing.ts'
import { KustomerHttp } from '../../providers/kustomer/kustomer-http.ts'
import { asUpdate, tooLargeMessage } from '../../providers/kustomer/transport.ts'
import { failed, onlyGets, wouldSend, type DryRunPlanner, type DryRunStep } from './types.ts'

// Kustomer looks every row up (by External ID, else email) before writing, so a dry run does the same
// lookups and splits the rows exactly as the upload does: creates are POSTed, updates PUT, each
// planned into requests on its own. A create whose External ID an earlier row would already create
// is refused by Kustomer as a duplicate and then updated, so it counts as an update here.

const withRows = (list: readonly KustomerCustomer[]) =>
  list.map((customer) => ({ row: rowForClientRef(customer._clientRef) ?? 0 }))

async function* plan(
  ...[items, target, ctx, created]: Parameters<DryRunPlanner['plan']>
): AsyncGenerator<DryRunStep> {
  const http = new KustomerHttp(target, ctx)
  const customers = items.map((item) => buildCustomer(item.record, clientRefForRow(item.row)))
  const existing = await findExisting(http, customers)
  if (existing === null) return
  const creates: KustomerCustomer[] = []
  const updates: KustomerCustomer[] = []
  for (const customer of customers) {
    const found = existing.get(customer._clientRef)
    const key = customer.externalId ? `externalId:${customer.externalId}` : undefined
    if (found) updates.push(asUpdate(customer, found))
    else if (key !== undefined && created.has(key)) updates.push(customer)
    else {
      creates.push(customer)
      if (key !== undefined) created.add(key)
    }
  }
  for (const [status, list] of [
    ['wouldCreate', creates],
    ['wouldUpdate', updates],
  ] as const) {
    const { batches, tooLarge } = planBatches(list, kustomer.limits)
    if (tooLarge.length > 0) yield failed(withRows(tooLarge), tooLargeMessage())
    for (const batch of batches) yield wouldSend(withRows(batch), status)
  }
}

export const kustomerDryRun: DryRunPlanner = { tellsCreateFromUpdate: true, isRead: onlyGets, plan }
