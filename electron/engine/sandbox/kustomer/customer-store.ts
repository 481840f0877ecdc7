import { randomBytes } from 'node:crypto'

// The sandbox's customers, in memory. Ids look like Kustomer's (24 hex digits, a MongoDB ObjectId);
// externalId is indexed because Kustomer refuses a second customer with the same one and offers a
// lookup by it; emails are indexed for the lookup by email. Kustomer does not document how that
// lookup treats case or several customers sharing an address: the sandbox ignores case and answers
// with the customer that has had the address longest.

export interface StoredCustomer {
  id: string
  createdAt: string
  updatedAt: string
  /** Everything else the customer was sent with (name, externalId, emails, phones, tags, custom…). */
  attributes: Record<string, unknown>
}

export function newObjectId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  return seconds + randomBytes(8).toString('hex')
}

function emailsOf(attributes: Record<string, unknown>): string[] {
  const emails = attributes['emails']
  if (!Array.isArray(emails)) return []
  return emails.flatMap((entry: unknown) => {
    const email =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['email'] : undefined
    return typeof email === 'string' && email !== '' ? [email.toLowerCase()] : []
  })
}

function externalIdOf(attributes: Record<string, unknown>): string | undefined {
  const externalId = attributes['externalId']
  return typeof externalId === 'string' && externalId !== '' ? externalId : undefined
}

export class CustomerStore {
  private readonly byId = new Map<string, StoredCustomer>()
  private readonly byExternalId = new Map<string, string>()
  /** Lower-cased email → ids of the customers that have it, oldest first. */
  private readonly byEmail = new Map<string, string[]>()

  all(): readonly StoredCustomer[] {
    return [...this.byId.values()]
  }

  get(id: string): StoredCustomer | undefined {
    return this.byId.get(id)
  }

  findByExternalId(externalId: string): StoredCustomer | undefined {
    const id = this.byExternalId.get(externalId)
    return id === undefined ? undefined : this.byId.get(id)
  }

  findByEmail(email: string): StoredCustomer | undefined {
    const id = this.byEmail.get(email.toLowerCase())?.[0]
    return id === undefined ? undefined : this.byId.get(id)
  }

  /** Whether another customer than `exceptId` already has this externalId. */
  externalIdTaken(externalId: string, exceptId?: string): boolean {
    const owner = this.byExternalId.get(externalId)
    return owner !== undefined && owner !== exceptId
  }

  create(attributes: Record<string, unknown>): StoredCustomer {
    const now = new Date().toISOString()
    const customer: StoredCustomer = { id: newObjectId(), createdAt: now, updatedAt: now, attributes }
    this.byId.set(customer.id, customer)
    const externalId = externalIdOf(attributes)
    if (externalId !== undefined) this.byExternalId.set(externalId, customer.id)
    this.indexEmails(customer.id, attributes)
    return customer
  }

  /**
   * Replaces the customer's attributes. Kustomer documents that omitting `company` on an update
   * unlinks it, so a bulk update is modelled as a replace, not a merge.
   */
  update(id: string, attributes: Record<string, unknown>): StoredCustomer | undefined {
    const existing = this.byId.get(id)
    if (!existing) return undefined
    const oldExternalId = externalIdOf(existing.attributes)
    if (oldExternalId !== undefined) this.byExternalId.delete(oldExternalId)
    for (const email of emailsOf(existing.attributes)) {
      const ids = this.byEmail.get(email)?.filter((other) => other !== id) ?? []
      if (ids.length > 0) this.byEmail.set(email, ids)
      else this.byEmail.delete(email)
    }
    const updated: StoredCustomer = { ...existing, attributes, updatedAt: new Date().toISOString() }
    this.byId.set(id, updated)
    const externalId = externalIdOf(attributes)
    if (externalId !== undefined) this.byExternalId.set(externalId, id)
    this.indexEmails(id, attributes)
    return updated
  }

  private indexEmails(id: string, attributes: Record<string, unknown>): void {
    for (const email of emailsOf(attributes)) {
      const ids = this.byEmail.get(email) ?? []
      if (!ids.includes(id)) this.byEmail.set(email, [...ids, id])
    }
  }
}
