import type { ProviderLimits } from './types.ts'

// Cutting rows into requests that respect a provider's two documented limits: items per request and
// bytes per body. Every provider with a bulk endpoint plans its requests here.

const encoder = new TextEncoder()

/** UTF-8 size of a value as JSON: limits are on bytes on the wire, and accented letters take two. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length
}

export interface BatchPlan<T> {
  batches: T[][]
  /** Items that alone make a body over the limit: no request can carry them. */
  tooLarge: T[]
}

export interface BatchRules<T> {
  limits: ProviderLimits
  /** The JSON one item adds to the request's list. */
  body(item: T): unknown
  /** Bytes of the body around the list, e.g. `{"customers":[]}`; 2 (`[]`) for a bare array. */
  envelopeBytes?: number
  /** Items with the same key never share a request (the provider answers by that key). */
  key?(item: T): string
}

/** Greedy, in row order: a request closes when one more item would break a limit or repeat a key. */
export function planBatches<T>(items: readonly T[], rules: BatchRules<T>): BatchPlan<T> {
  const { limits } = rules
  const envelope = rules.envelopeBytes ?? 2
  const batches: T[][] = []
  const tooLarge: T[] = []
  let current: T[] = []
  let keys = new Set<string>()
  let bytes = envelope
  for (const item of items) {
    const size = jsonBytes(rules.body(item))
    if (size + envelope > limits.maxBodyBytes) {
      tooLarge.push(item)
      continue
    }
    const key = rules.key?.(item)
    const added = current.length === 0 ? size : size + 1 // `,` between items
    const full =
      current.length >= limits.maxItemsPerRequest ||
      bytes + added > limits.maxBodyBytes ||
      (key !== undefined && keys.has(key))
    if (full && current.length > 0) {
      batches.push(current)
      current = []
      keys = new Set()
      bytes = envelope
    }
    bytes += current.length === 0 ? size : size + 1
    current.push(item)
    if (key !== undefined) keys.add(key)
  }
  if (current.length > 0) batches.push(current)
  return { batches, tooLarge }
}
