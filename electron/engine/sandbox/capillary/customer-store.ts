// The sandbox's customers, in memory. Capillary scopes identifiers by source and account: the same
// mobile can be one customer under INSTORE and another under WECHAT. Ids are numbers like Capillary's
// user ids (e.g. 176671442).

export interface Identifier {
  type: string
  value: string
}

export interface StoredCustomer {
  id: number
  source: string
  accountId: string
  loyaltyType: string
  firstName?: string
  lastName?: string
  createDate: string
  identifiers: Identifier[]
  commChannels: unknown[]
  extendedFields: Record<string, string>
  fields: Record<string, string>
  /** Group Loyalty links set through PUT /v2/bulk. */
  association?: StoredAssociation
}

export interface StoredAssociation {
  hierarchyCode: string
  roleCode: string
  parentId?: number
  fleetCompanyExternalId?: string
}

/** Email identifiers are matched regardless of case; other identifiers exactly [G]. */
function keyOf(source: string, accountId: string, identifier: Identifier): string {
  const value = identifier.type === 'email' ? identifier.value.toLowerCase() : identifier.value
  return `${source}\u0000${accountId}\u0000${identifier.type}\u0000${value}`
}

export class CustomerStore {
  private readonly byId = new Map<number, StoredCustomer>()
  private readonly byIdentifier = new Map<string, number>()
  private nextId = 400_000_001

  get size(): number {
    return this.byId.size
  }

  all(): readonly StoredCustomer[] {
    return [...this.byId.values()]
  }

  /** The ids of the customers any of these identifiers belongs to, within the source and account. */
  owners(source: string, accountId: string, identifiers: readonly Identifier[]): Set<number> {
    const ids = new Set<number>()
    for (const identifier of identifiers) {
      const id = this.byIdentifier.get(keyOf(source, accountId, identifier))
      if (id !== undefined) ids.add(id)
    }
    return ids
  }

  get(id: number): StoredCustomer | undefined {
    return this.byId.get(id)
  }

  create(customer: Omit<StoredCustomer, 'id'>): StoredCustomer {
    const stored: StoredCustomer = { ...customer, id: this.nextId++ }
    this.byId.set(stored.id, stored)
    this.index(stored)
    return stored
  }

  /** Replaces the stored customer (same id), re-indexing its identifiers. */
  replace(customer: StoredCustomer): void {
    const old = this.byId.get(customer.id)
    if (old) {
      for (const identifier of old.identifiers) {
        this.byIdentifier.delete(keyOf(old.source, old.accountId, identifier))
      }
    }
    this.byId.set(customer.id, customer)
    this.index(customer)
  }

  private index(customer: StoredCustomer): void {
    for (const identifier of customer.identifiers) {
      this.byIdentifier.set(keyOf(customer.source, customer.accountId, identifier), customer.id)
    }
  }
}
