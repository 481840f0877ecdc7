// The sandbox's customers, in memory. Omnidesk ids are whole numbers; a customer's primary external
// ID is unique within its brand, which is how a search finds what an earlier request created.

export interface Channel {
  type: string
  value: string
}

export interface StoredCustomer {
  id: number
  brandId: number
  brandName: string
  primaryId: string
  firstname: string
  lastname: string
  channels: Channel[]
  custom: Record<string, string>
}

export interface CustomerChanges {
  firstname?: string
  lastname?: string
  channels: Channel[]
  custom: Record<string, string>
}

export class CustomerStore {
  private readonly byId = new Map<number, StoredCustomer>()
  private readonly byPrimaryId = new Map<string, number>()
  private nextId = 1

  all(): readonly StoredCustomer[] {
    return [...this.byId.values()]
  }

  get(id: number): StoredCustomer | undefined {
    return this.byId.get(id)
  }

  findByPrimaryId(brandId: number, primaryId: string): StoredCustomer | undefined {
    const id = this.byPrimaryId.get(`${brandId}\u0000${primaryId}`)
    return id === undefined ? undefined : this.byId.get(id)
  }

  findByChannelValue(brandId: number, value: string): StoredCustomer | undefined {
    const wanted = value.toLowerCase()
    return this.all().find(
      (customer) =>
        customer.brandId === brandId &&
        customer.channels.some((channel) => channel.value.toLowerCase() === wanted),
    )
  }

  create(brandId: number, brandName: string, primaryId: string, changes: CustomerChanges): StoredCustomer {
    const customer: StoredCustomer = {
      id: this.nextId++,
      brandId,
      brandName,
      primaryId,
      firstname: '',
      lastname: '',
      channels: [],
      custom: {},
    }
    this.apply(customer, changes)
    this.byId.set(customer.id, customer)
    this.byPrimaryId.set(`${brandId}\u0000${primaryId}`, customer.id)
    return customer
  }

  /** Omnidesk documents that fields left out of an update are not changed; channels are added. */
  apply(customer: StoredCustomer, changes: CustomerChanges): void {
    if (changes.firstname !== undefined) customer.firstname = changes.firstname
    if (changes.lastname !== undefined) customer.lastname = changes.lastname
    Object.assign(customer.custom, changes.custom)
    for (const channel of changes.channels) {
      const known = customer.channels.some(
        (existing) =>
          existing.type === channel.type && existing.value.toLowerCase() === channel.value.toLowerCase(),
      )
      if (!known) customer.channels.push(channel)
    }
  }
}
