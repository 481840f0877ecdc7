// The sandbox's customers, keyed as the sourceId endpoint looks them up: source + sourceId +
// language (seed 002: "identified by sourceId, source and language"). A missing language is its
// own key value, so a client that never sends one always finds the same customer.

export type CustomerFields = Record<string, unknown>

export interface StoredCustomer {
  id: number
  fields: CustomerFields
}

export function lookupKeyOf(customer: CustomerFields): string {
  const language = typeof customer['language'] === 'string' ? customer['language'].toUpperCase() : ''
  return JSON.stringify([customer['source'], customer['sourceId'], language])
}

export class CustomerStore {
  private readonly byKey = new Map<string, StoredCustomer>()
  // Propeller ids in the documented example are five-digit numbers; any positive integer will do.
  private nextId = 25_000

  get size(): number {
    return this.byKey.size
  }

  find(customer: CustomerFields): StoredCustomer | undefined {
    return this.byKey.get(lookupKeyOf(customer))
  }

  create(customer: CustomerFields): StoredCustomer {
    const stored = { id: this.nextId++, fields: { ...customer } }
    this.byKey.set(lookupKeyOf(customer), stored)
    return stored
  }

  all(): StoredCustomer[] {
    return [...this.byKey.values()]
  }
}
