// The sandbox's customers, in memory. Ids are strings of increasing numbers, like the "13" in
// Thulium's documented answer. Thulium documents no uniqueness rule for `identifier`, email or phone,
// so (the conservative reading) the store accepts duplicates, and the search returns all matches:
// a client must look customers up before creating them.

export type CustomerData = Record<string, unknown>

export interface StoredCustomer {
  customer_id: string
  data: CustomerData
}

const ADDRESS_KEYS = ['address', 'invoice_address', 'mail_drop_address']

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export class CustomerStore {
  private readonly byId = new Map<string, StoredCustomer>()
  private nextId = 1

  all(): readonly StoredCustomer[] {
    return [...this.byId.values()]
  }

  get(id: string): StoredCustomer | undefined {
    return this.byId.get(id)
  }

  create(data: CustomerData): StoredCustomer {
    const customer: StoredCustomer = { customer_id: String(this.nextId++), data: {} }
    merge(customer.data, data)
    this.byId.set(customer.customer_id, customer)
    return customer
  }

  /**
   * The documented PUT semantics: "customer_id required, all other fields optional", i.e. only the
   * fields sent change. Address objects are merged part by part, and a custom field sent empty is
   * removed (documented for custom_fields).
   */
  update(id: string, data: CustomerData): StoredCustomer | undefined {
    const customer = this.byId.get(id)
    if (customer) merge(customer.data, data)
    return customer
  }

  /** Customers whose fields equal every given filter (email/phone also match one of several values). */
  search(filters: Readonly<Record<string, string>>): StoredCustomer[] {
    return this.all().filter((customer) =>
      Object.entries(filters).every(([key, wanted]) => matches(customer.data[key], wanted)),
    )
  }
}

function matches(value: unknown, wanted: string): boolean {
  if (typeof value === 'string') return value.split(',').some((part) => part.trim() === wanted)
  return typeof value === 'number' && String(value) === wanted
}

function merge(target: CustomerData, data: CustomerData): void {
  for (const [key, value] of Object.entries(data)) {
    if (key === 'customer_id' || key === 'fill_read_only_custom_fields') continue
    if (key === 'custom_fields' && isObject(value)) {
      const fields = (isObject(target[key]) ? target[key] : (target[key] = {})) as Record<string, unknown>
      for (const [name, text] of Object.entries(value)) {
        if (text === '' || text === null) delete fields[name]
        else fields[name] = text
      }
    } else if (ADDRESS_KEYS.includes(key) && isObject(value)) {
      target[key] = { ...(isObject(target[key]) ? target[key] : {}), ...value }
    } else {
      target[key] = value
    }
  }
}
