import { checkItem } from './check-item.ts'
import type { CustomerStore, Identifier, StoredAssociation } from './customer-store.ts'
import type { CodeEntry } from './envelope.ts'
import { coded } from './envelope.ts'
import type { Hierarchy } from './hierarchies.ts'
import { SANDBOX_HIERARCHIES, mayParent } from './hierarchies.ts'
import { customerView } from './upsert.ts'

// The seed's `PUT /v2/bulk` ("Update association details") per item [C: request and response shapes]:
// the customer, found by its identifiers within the source/account, is placed at a role of a Group
// Loyalty hierarchy, under a parent customer and/or in a fleet company. The answer element is the
// customer with its `associationDetails` and `errors` — `[{}]` on success, as the documentation's
// example shows.
//
// Conservative readings where Capillary is silent [G]:
// - The customer must exist (8015): Crosswalk registers customers through the upsert first.
// - Only the links are applied; the profile values sent alongside are not re-saved.
// - A parent must exist, be in the same hierarchy and hold a role allowed above the child's; the
//   refusal codes 8200–8203 are the sandbox's own.
// - Fleet companies are not modelled (Capillary keeps them in its companies API): any External ID is kept.

export interface AssociateContext {
  store: CustomerStore
  source: string
  accountId: string
  hierarchies?: readonly Hierarchy[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** The identifiers of `parentCustomer.profiles[0]`, or [] when the item names no parent. */
function parentIdentifiers(details: Record<string, unknown>): Identifier[] {
  const parent = details['parentCustomer']
  const profiles = isObject(parent) ? parent['profiles'] : undefined
  const profile = Array.isArray(profiles) ? profiles[0] : undefined
  const list = isObject(profile) && Array.isArray(profile['identifiers']) ? profile['identifiers'] : []
  return list.flatMap((entry: unknown) => {
    const type = isObject(entry) ? text(entry['type']) : undefined
    const value = isObject(entry) ? text(entry['value']) : undefined
    return type && value ? [{ type, value }] : []
  })
}

export function associateItem(raw: unknown, context: AssociateContext): Record<string, unknown> {
  const echo = isObject(raw) ? raw : {}
  const refuse = (error: CodeEntry) => ({ ...echo, errors: [error] })
  const checked = checkItem(raw)
  if (!checked.ok) return { ...echo, errors: checked.errors }
  const { store, source, accountId } = context
  const owners = store.owners(source, accountId, checked.item.identifiers)
  if (owners.size > 1) return refuse(coded('differentProfiles', [...owners].join(', ')))
  const [ownerId] = owners
  const customer = ownerId === undefined ? undefined : store.get(ownerId)
  if (!customer) return refuse(coded('notFound'))

  const details = isObject(echo['associationDetails']) ? echo['associationDetails'] : {}
  const hierarchyCode = text(details['hierarchyCode'])
  const roleCode = text(details['roleCode'])
  if (!hierarchyCode || !roleCode) return refuse(coded('noAssociation'))
  const hierarchy = (context.hierarchies ?? SANDBOX_HIERARCHIES).find((known) => known.code === hierarchyCode)
  if (!hierarchy) return refuse(coded('unknownHierarchy', hierarchyCode))
  if (!hierarchy.roles.some((role) => role.code === roleCode)) {
    return refuse(coded('unknownRole', `${roleCode} is not a role of ${hierarchyCode}`))
  }
  const association: StoredAssociation = { hierarchyCode, roleCode }

  const parentKeys = parentIdentifiers(details)
  if (parentKeys.length > 0) {
    const parents = store.owners(source, accountId, parentKeys)
    if (parents.size > 1)
      return refuse(coded('differentProfiles', `parent customer: ${[...parents].join(', ')}`))
    const [parentId] = parents
    const parent = parentId === undefined ? undefined : store.get(parentId)
    if (!parent) return refuse(coded('notFound', 'parent customer'))
    if (parent.id === customer.id) return refuse(coded('parentRole', 'a customer cannot be its own parent'))
    const parentRole =
      parent.association?.hierarchyCode === hierarchyCode ? parent.association.roleCode : undefined
    if (parentRole === undefined) {
      return refuse(coded('parentRole', `the parent customer has no role in ${hierarchyCode}`))
    }
    if (!mayParent(hierarchy, parentRole, roleCode)) {
      return refuse(coded('parentRole', `${parentRole} cannot be the parent of ${roleCode}`))
    }
    association.parentId = parent.id
  }
  const fleetCompany = details['fleetCompany']
  const fleetCompanyExternalId = isObject(fleetCompany) ? text(fleetCompany['externalId']) : undefined
  if (fleetCompanyExternalId) association.fleetCompanyExternalId = fleetCompanyExternalId

  store.replace({ ...customer, association })
  // The documented answer is the customer without its id, with the links echoed back.
  const { id: _id, ...view } = customerView(customer) as Record<string, unknown>
  return {
    ...view,
    associationDetails: { ...details, skipLevelAllowed: hierarchy.skipRoleAllowed },
    errors: [{}],
  }
}
