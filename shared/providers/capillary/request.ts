import { jsonBytes, planBatches as planRequests, type BatchPlan } from '../batching.ts'
import type { AssociationDetails } from './association.ts'
import { fieldValue } from '../../validation/validate-record.ts'
import type { ConnectionSettings, MappedRecord, ProviderField, ProviderLimits } from '../types.ts'
import { CAPILLARY_CUSTOM, CAPILLARY_FIELDS, EXTENDED_FIELD_NAMES, NAME_MAX_LENGTH } from './schema.ts'

// Turns mapped rows into the JSON array Capillary's upsert bulk endpoint takes
// (`POST /v2/integrations/customer/upsert/bulk`), and cuts them into requests within the limits.
// Capillary answers with one element per item in request order, so rows are matched by position.

export const UPSERT_BULK_PATH = '/v2/integrations/customer/upsert/bulk'

export interface Identifier {
  type: string
  value: string
}

export interface CommChannel {
  type: 'mobile' | 'email'
  value: string
  primary: boolean
  verified: boolean
}

export interface CapillaryProfile {
  firstName?: string
  lastName?: string
  identifiers: Identifier[]
  commChannels?: CommChannel[]
  fields?: Record<string, string>
  source: string
  accountId: string
  createDate?: string
}

export interface CapillaryCustomer {
  loyaltyInfo: { loyaltyType: string }
  profiles: CapillaryProfile[]
  extendedFields?: Record<string, string>
}

/** One customer to send, with the source row it came from. */
export interface PlannedCustomer {
  row: number
  customer: CapillaryCustomer
  /** The row's Group Loyalty links, sent to `PUT /v2/bulk` once the upsert saved the customer. */
  association?: AssociationDetails
}

const FIELD_BY_KEY = new Map<string, ProviderField>(CAPILLARY_FIELDS.map((field) => [field.key, field]))

/** The row's value for a field, normalised the way validation reads it (e.g. phones to E.164). */
export function value(record: MappedRecord, key: string): string | undefined {
  const raw = record[key]
  const field = FIELD_BY_KEY.get(key)
  return raw === undefined || field === undefined ? raw : fieldValue(field, raw)
}

/** "+91 99882 21100" → "919988221100": Capillary wants digits with the country code and no plus. */
export function capillaryMobile(e164: string): string {
  return e164.replace(/\D/g, '')
}

/** The `source`/`accountId` query parameters (and profile fields) of every request. */
export function sourceOf(settings: ConnectionSettings): { source: string; accountId: string } {
  return { source: settings['source'] || 'INSTORE', accountId: settings['accountId']?.trim() ?? '' }
}

/**
 * The upsert item for one row. Email and mobile go in as identifiers (to find or register the customer)
 * and as primary, unverified communication channels (so Capillary can contact them), like the doc's
 * example. Names over 100 characters are cut here because Capillary would drop the rest silently anyway.
 */
export function buildCustomer(record: MappedRecord, settings: ConnectionSettings): CapillaryCustomer {
  const { source, accountId } = sourceOf(settings)
  const profile: CapillaryProfile = { identifiers: [], source, accountId }
  const firstName = value(record, 'firstName')
  if (firstName !== undefined) profile.firstName = firstName.slice(0, NAME_MAX_LENGTH)
  const lastName = value(record, 'lastName')
  if (lastName !== undefined) profile.lastName = lastName.slice(0, NAME_MAX_LENGTH)

  const externalId = value(record, 'identifiers.externalId')
  if (externalId !== undefined) profile.identifiers.push({ type: 'externalId', value: externalId })
  const commChannels: CommChannel[] = []
  const mobile = value(record, 'identifiers.mobile')
  if (mobile !== undefined) {
    const digits = capillaryMobile(mobile)
    profile.identifiers.push({ type: 'mobile', value: digits })
    commChannels.push({ type: 'mobile', value: digits, primary: true, verified: false })
  }
  const email = value(record, 'identifiers.email')
  if (email !== undefined) {
    profile.identifiers.push({ type: 'email', value: email })
    commChannels.push({ type: 'email', value: email, primary: true, verified: false })
  }
  if (commChannels.length > 0) profile.commChannels = commChannels
  const createDate = value(record, 'createDate')
  if (createDate !== undefined) profile.createDate = createDate

  const fields: Record<string, string> = {}
  for (const [key, text] of Object.entries(record)) {
    if (CAPILLARY_CUSTOM.owns(key)) fields[key.slice('fields.'.length)] = text
  }
  if (Object.keys(fields).length > 0) profile.fields = fields

  const customer: CapillaryCustomer = {
    loyaltyInfo: { loyaltyType: value(record, 'loyaltyType') ?? settings['loyaltyType'] ?? 'loyalty' },
    profiles: [profile],
  }
  const extendedFields: Record<string, string> = {}
  for (const name of EXTENDED_FIELD_NAMES) {
    const text = value(record, `extendedFields.${name}`)
    if (text !== undefined) extendedFields[name] = text
  }
  if (Object.keys(extendedFields).length > 0) customer.extendedFields = extendedFields
  return customer
}

/** The request path with its query: `source` and `accountId` scope every identifier in the body. */
export function upsertPath(settings: ConnectionSettings): string {
  const { source, accountId } = sourceOf(settings)
  // skipChangeIdentifier=false (the documented example): a changed email or mobile in the file is applied.
  const query = new URLSearchParams({ skipChangeIdentifier: 'false', source })
  if (accountId !== '') query.set('accountId', accountId)
  return `${UPSERT_BULK_PATH}?${query.toString()}`
}

/** Greedy, in row order: a request closes when one more item would break either limit. */
export function planBatches(
  items: readonly PlannedCustomer[],
  limits: ProviderLimits,
): BatchPlan<PlannedCustomer> {
  return planRequests(items, { limits, body: (item) => item.customer })
}

export { jsonBytes }
