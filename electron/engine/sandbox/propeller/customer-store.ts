// The sandbox's customers, findable both ways the bulk endpoints look them up: by Propeller id
// (`/bulk/id`), and by source + sourceId + language (`/bulk/sourceId`; seed 002: "identified by
// sourceId, source and language"). A missing language is its own key value, so a client that never
// sends one always finds the same customer. A customer created by id without a sourceId has no
// source key until an update gives it one.

export type CustomerFields = Record<string, unknown>

export interface StoredCustomer {
  id: number
  fields: CustomerFields
}

/** The source key of a customer, or null when it has no source and sourceId to be found by. */
export function lookupKeyOf(customer: CustomerFields): string | null {
  if (typeof customer['sourceId'] !== 'string' || typeof customer['source'] !== 'string') return null
  const language = typeof customer['language'] === 'string' ? customer['language'].toUpperCase() : ''
  return JSON.stringify([customer['source'], customer['sourceId'], language])
}

export class CustomerStore {
  private readonly byId = new Map<number, StoredCustomer>()
  private readonly bySourceKey = new Map<string, StoredCustomer>()
  // Propeller ids in the documented example are five-digit numbers; any positive integer will do.
  private nextId = 25_000

  get size(): number {
    return this.byId.size
  }

  /** The customer with the source key these fields name, if any. */
  find(customer: CustomerFields): StoredCustomer | undefined {
    const key = lookupKeyOf(customer)
    return key === null ? undefined : this.bySourceKey.get(key)
  }

  findById(id: number): StoredCustomer | undefined {
    return this.byId.get(id)
  }

  /** A new customer under a new id: Propeller numbers customers itself, whatever `id` was sent. */
  create(customer: CustomerFields): StoredCustomer {
    const { id: _ignored, ...fields } = customer
    const stored = { id: this.nextId++, fields }
    this.byId.set(stored.id, stored)
    this.index(stored)
    return stored
  }

  /** Applies `changes` (already filtered by directives) and keeps the source index in step. */
  update(stored: StoredCustomer, changes: CustomerFields): void {
    const before = lookupKeyOf(stored.fields)
    for (const [field, value] of Object.entries(changes)) {
      if (field !== 'id') stored.fields[field] = value
    }
    if (before !== null && this.bySourceKey.get(before) === stored) this.bySourceKey.delete(before)
    this.index(stored)
  }

  all(): StoredCustomer[] {
    return [...this.byId.values()]
  }

  private index(stored: StoredCustomer): void {
    const key = lookupKeyOf(stored.fields)
    if (key !== null) this.bySourceKey.set(key, stored)
  }
}
