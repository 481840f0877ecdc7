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

export interface BatchPlan {
  batches: KustomerCustomer[][]
  /** Items that alone make a body over the limit: no request can carry them. */
  tooLarge: KustomerCustomer[]
}

const encoder = new TextEncoder()

/** UTF-8 size of a value as JSON: the limit is on bytes on the wire, and non-ASCII names take more. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length
}

/** Greedy, in row order: a request closes when one more item would break either limit. */
export function planBatches(items: readonly KustomerCustomer[], limits: ProviderLimits): BatchPlan {
  const batches: KustomerCustomer[][] = []
  const tooLarge: KustomerCustomer[] = []
  let current: KustomerCustomer[] = []
  let currentBytes = 2 // `[` and `]`
  for (const item of items) {
    const bytes = jsonBytes(item)
    if (bytes + 2 > limits.maxBodyBytes) {
      tooLarge.push(item)
      continue
    }
    const added = current.length === 0 ? bytes : bytes + 1 // `,` between items
    if (current.length >= limits.maxItemsPerRequest || currentBytes + added > limits.maxBodyBytes) {
      batches.push(current)
      current = []
      currentBytes = 2
    }
    currentBytes += current.length === 0 ? bytes : bytes + 1
    current.push(item)
  }
  if (current.length > 0) batches.push(current)
  return { batches, tooLarge }
}
