import { checkItem } from './check-item.ts'
import type { CheckedItem } from './check-item.ts'
import type { CustomerStore, Identifier, StoredCustomer } from './customer-store.ts'
import type { CodeEntry } from './envelope.ts'
import { coded } from './envelope.ts'

// The upsert bulk's per-item behaviour [C: customer-upsert-api]: look the customer up by any of its
// identifiers within the source/account; update it if found, register it otherwise; with
// skipChangeIdentifier=false, also change identifiers to the ones sent.
//
// Conservative readings where Capillary is silent:
// - Identifiers that point at two different customers refuse the item (8008) instead of merging them.
// - A second item in the same request for a customer the request already touched gets 521 ("multiple
//   actions running for the same customer – retry later"): that is how concurrent actions on one
//   customer look from a single bulk request. It is put in `errors`, because the item was not applied.
// - A registered customer's element carries `createdId` (the v2 add API's name for the new id); an
//   updated one does not. Capillary does not document how the upsert tells the two apart.

export interface UpsertContext {
  store: CustomerStore
  source: string
  accountId: string
  changeIdentifiers: boolean
  /** Customers already created or updated by this request. */
  touched: Set<number>
}

export type Element =
  | { entityId: number; createdId?: number; result: unknown; errors: CodeEntry[]; warnings: CodeEntry[] }
  | { errors: CodeEntry[]; warnings: CodeEntry[] }

export function customerView(customer: StoredCustomer): unknown {
  return {
    id: customer.id,
    profiles: [
      {
        firstName: customer.firstName ?? '',
        lastName: customer.lastName ?? '',
        identifiers: customer.identifiers,
        commChannels: customer.commChannels,
        fields: customer.fields,
        source: customer.source,
        accountId: customer.accountId,
      },
    ],
    loyaltyInfo: { loyaltyType: customer.loyaltyType },
    extendedFields: customer.extendedFields,
  }
}

/** Identifiers after a change: the ones sent replace stored ones of the same type; others are kept. */
function changedIdentifiers(stored: readonly Identifier[], sent: readonly Identifier[]): Identifier[] {
  const sentTypes = new Set(sent.map((identifier) => identifier.type))
  return [...stored.filter((identifier) => !sentTypes.has(identifier.type)), ...sent]
}

function applyUpdate(existing: StoredCustomer, item: CheckedItem, context: UpsertContext): StoredCustomer {
  return {
    ...existing,
    loyaltyType: item.loyaltyType,
    firstName: item.firstName ?? existing.firstName,
    lastName: item.lastName ?? existing.lastName,
    identifiers: context.changeIdentifiers
      ? changedIdentifiers(existing.identifiers, item.identifiers)
      : existing.identifiers,
    commChannels: item.commChannels.length > 0 ? item.commChannels : existing.commChannels,
    extendedFields: { ...existing.extendedFields, ...item.extendedFields },
    fields: { ...existing.fields, ...item.fields },
  }
}

export function upsertItem(raw: unknown, context: UpsertContext): Element {
  const checked = checkItem(raw)
  if (!checked.ok) return { errors: checked.errors, warnings: checked.warnings }
  const { item } = checked
  const refuse = (error: CodeEntry): Element => ({ errors: [error], warnings: item.warnings })
  if (item.source !== undefined && item.source !== context.source) {
    return refuse(coded('invalidSource', `profile source ${item.source} differs from ${context.source}`))
  }
  const owners = context.store.owners(context.source, context.accountId, item.identifiers)
  if (owners.size > 1) return refuse(coded('differentProfiles', [...owners].join(', ')))
  const [ownerId] = owners
  if (ownerId !== undefined && context.touched.has(ownerId)) return refuse(coded('busy'))

  if (ownerId === undefined) {
    const created = context.store.create({
      source: context.source,
      accountId: context.accountId,
      loyaltyType: item.loyaltyType,
      firstName: item.firstName,
      lastName: item.lastName,
      createDate: item.createDate ?? new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      identifiers: item.identifiers,
      commChannels: item.commChannels,
      extendedFields: item.extendedFields,
      fields: item.fields,
    })
    context.touched.add(created.id)
    return {
      entityId: created.id,
      createdId: created.id,
      result: customerView(created),
      errors: [],
      warnings: item.warnings,
    }
  }
  const existing = context.store.get(ownerId)!
  if (existing.loyaltyType === 'loyalty' && item.loyaltyType === 'non_loyalty') {
    return refuse(coded('loyaltyDowngrade'))
  }
  const updated = applyUpdate(existing, item, context)
  context.store.replace(updated)
  context.touched.add(updated.id)
  return { entityId: updated.id, result: customerView(updated), errors: [], warnings: item.warnings }
}
