import type { ConnectionSettings, MappedRecord } from '../types.ts'
import type { CapillaryCustomer } from './request.ts'
import { capillaryMobile, sourceOf, value } from './request.ts'
import type { CapillaryCode } from './results.ts'
import { codesOf } from './results.ts'

// Group Loyalty links through the seed's `PUT /v2/bulk` ("Update association details") [C]: the body is
// a JSON array of customers, each the usual customer shape plus `associationDetails` {hierarchyCode,
// roleCode, parentCustomer: {profiles: [{identifiers…}]}, fleetCompany: {externalId}}; the answer is a
// JSON array with one customer per item, in request order, each carrying `errors` (`[{}]` on success).
//
// Crosswalk registers or updates the customer through the upsert first, then sends the association
// for the rows the upsert saved: the association call updates an existing customer, and its documented
// fields are the upsert's plus the links, so one mapping drives both.

export const ASSOCIATION_PATH = '/v2/bulk'

export interface AssociationDetails {
  hierarchyCode?: string
  roleCode?: string
  parentCustomer?: {
    profiles: [{ identifiers: { type: string; value: string }[]; source: string; accountId: string }]
  }
  fleetCompany?: { externalId: string }
}

export type AssociatedCustomer = CapillaryCustomer & { associationDetails: AssociationDetails }

/** The row's Group Loyalty links, or undefined when it has none (then no association request is sent). */
export function associationOf(
  record: MappedRecord,
  settings: ConnectionSettings,
): AssociationDetails | undefined {
  const details: AssociationDetails = {}
  const hierarchyCode = value(record, 'associationDetails.hierarchyCode')?.trim()
  if (hierarchyCode) details.hierarchyCode = hierarchyCode
  const roleCode = value(record, 'associationDetails.roleCode')?.trim()
  if (roleCode) details.roleCode = roleCode
  const identifiers: { type: string; value: string }[] = []
  const parentExternalId = value(record, 'associationDetails.parentExternalId')?.trim()
  if (parentExternalId) identifiers.push({ type: 'externalId', value: parentExternalId })
  const parentMobile = value(record, 'associationDetails.parentMobile')
  if (parentMobile) identifiers.push({ type: 'mobile', value: capillaryMobile(parentMobile) })
  if (identifiers.length > 0) {
    details.parentCustomer = { profiles: [{ identifiers, ...sourceOf(settings) }] }
  }
  const fleetCompany = value(record, 'associationDetails.fleetCompanyExternalId')?.trim()
  if (fleetCompany) details.fleetCompany = { externalId: fleetCompany }
  return Object.keys(details).length > 0 ? details : undefined
}

/** `PUT /v2/bulk?source=…&accountId=…`: the same scope as the upsert, so the same customers are found. */
export function associationPath(settings: ConnectionSettings): string {
  const { source, accountId } = sourceOf(settings)
  const query = new URLSearchParams({ source })
  if (accountId !== '') query.set('accountId', accountId)
  return `${ASSOCIATION_PATH}?${query.toString()}`
}

export type AssociationResult = { kind: 'linked' } | { kind: 'refused'; errors: CapillaryCode[] }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The answer's elements, one per customer sent, or null when the body is not the documented array of
 * that length (the caller then reports the rows as unknown rather than guessing which were linked).
 */
export function parseAssociationResponse(body: unknown, sent: number): AssociationResult[] | null {
  if (!Array.isArray(body) || body.length !== sent) return null
  const results: AssociationResult[] = []
  for (const element of body) {
    if (!isObject(element)) return null
    const errors = codesOf(element['errors'])
    results.push(errors.length > 0 ? { kind: 'refused', errors } : { kind: 'linked' })
  }
  return results
}
