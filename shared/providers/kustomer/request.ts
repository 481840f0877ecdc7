import { jsonBytes, planBatches as planRequests, type BatchPlan } from '../batching.ts'
import type { ProviderLimits } from '../types.ts'
import type { KustomerCustomer } from './build-customer.ts'

// Row correlation (`_clientRef`) and cutting Kustomer items into requests that respect both documented
// limits: 100 items and a 100 kB body. The item itself is built in build-customer.ts.

export { buildCustomer, type KustomerCustomer } from './build-customer.ts'

const CLIENT_REF = /^row-([1-9]\d*)$/

export function clientRefForRow(row: number): string {
  return `row-${row}`
}

/** The row a `_clientRef` from Kustomer's results stands for, or null when it is not one of ours. */
export function rowForClientRef(ref: string): number | null {
  const match = CLIENT_REF.exec(ref)
  return match ? Number(match[1]) : null
}

/** Greedy, in row order: a request closes when one more item would break either limit. */
export function planBatches(
  items: readonly KustomerCustomer[],
  limits: ProviderLimits,
): BatchPlan<KustomerCustomer> {
  return planRequests(items, { limits, body: (customer) => customer })
}

export { jsonBytes }
