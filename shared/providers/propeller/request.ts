import { jsonBytes, planBatches as planRequests, type BatchPlan } from '../batching.ts'
import { fieldValue } from '../../validation/validate-record.ts'
import type { ConnectionSettings, MappedRecord, ProviderField, ProviderLimits } from '../types.ts'
import { existingChoiceOf } from './connection.ts'
import { ADDRESS_TYPES, PROPELLER_FIELDS } from './schema.ts'

// Turns mapped rows into the body of `POST /v2/customers/bulk/sourceId` (`{ customers, directives }`,
// seed 002) and cuts them into requests within the item and byte limits. Propeller answers each item
// with its `key` (the sourceId), which is what ties an answer back to its row.

export const TOKEN_PATH = '/oauth2/token'
export const BULK_BY_SOURCE_ID_PATH = '/v2/customers/bulk/sourceId'

export type PropellerAddress = Record<string, string>

export interface PropellerCustomer {
  source: string
  sourceId: string
  [key: string]: string | PropellerAddress[]
}

export interface Directive {
  operation: 'skipIfNotEmpty' | 'skipCreate'
  fields: string[]
}

export interface BulkBody {
  customers: PropellerCustomer[]
  directives?: Directive[]
}

const FIELD_BY_KEY = new Map<string, ProviderField>(PROPELLER_FIELDS.map((field) => [field.key, field]))

/** The source name from the connection, trimmed; Propeller compares it exactly. */
export function sourceOf(settings: ConnectionSettings): string {
  return (settings['source'] ?? '').trim()
}

/** "nl_NL", "en-GB", "nl" → "NL": Propeller's documented example sends upper-case ISO 639-1 codes. */
export function languageCode(raw: string): string {
  return raw.trim().slice(0, 2).toUpperCase()
}

/** The customer object for one row. Values are normalised as validation saw them. */
export function buildCustomer(record: MappedRecord, source: string): PropellerCustomer {
  const customer: Record<string, unknown> = { source, sourceId: record['sourceId'] ?? '' }
  const addresses: PropellerAddress[] = []
  for (const [key, raw] of Object.entries(record)) {
    const field = FIELD_BY_KEY.get(key)
    if (field === undefined || key === 'sourceId') continue // other providers' keys are never sent
    const address = /^addresses\.(\d+)\.(\w+)$/.exec(key)
    if (address) {
      const slot = Number(address[1])
      addresses[slot] ??= {}
      addresses[slot][address[2]!] = fieldValue(field, raw)
    } else if (key === 'primaryLanguage') {
      customer[key] = languageCode(raw)
    } else {
      customer[key] = fieldValue(field, raw)
    }
  }
  const sent = addresses.flatMap((address, slot) =>
    address === undefined ? [] : [{ type: ADDRESS_TYPES[slot] ?? 'delivery', ...address }],
  )
  if (sent.length > 0) customer['addresses'] = sent
  return customer as PropellerCustomer
}

/**
 * The documented directives for the connection's choice: none (overwrite), `skipIfNotEmpty` on the
 * fields the batch sends (keep what Propeller already has), or `skipCreate` (update only).
 */
export function directivesFor(
  settings: ConnectionSettings,
  customers: readonly PropellerCustomer[],
): Directive[] {
  const choice = existingChoiceOf(settings)
  if (choice === 'updateOnly') return [{ operation: 'skipCreate', fields: [] }]
  if (choice === 'overwrite') return []
  const fields = new Set<string>()
  for (const customer of customers) {
    for (const key of Object.keys(customer)) {
      // The lookup keys identify the customer; addresses are a list, not a field that can be empty.
      if (key !== 'source' && key !== 'sourceId' && key !== 'addresses') fields.add(key)
    }
  }
  return fields.size > 0 ? [{ operation: 'skipIfNotEmpty', fields: [...fields].sort() }] : []
}

export function bulkBody(settings: ConnectionSettings, customers: PropellerCustomer[]): BulkBody {
  const directives = directivesFor(settings, customers)
  return directives.length > 0 ? { customers, directives } : { customers }
}

/** `grant_type=client_credentials&client_id=…&client_secret=…`, form-encoded as documented. */
export function tokenRequestBody(clientId: string, clientSecret: string): string {
  return new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  }).toString()
}

/**
 * Room left for directives around the items: `{"customers":[`…`],"directives":[…]}`. The
 * skipIfNotEmpty list names at most every customer field, so this bound always holds.
 */
const ENVELOPE_BYTES =
  jsonBytes({
    customers: [],
    directives: [{ operation: 'skipIfNotEmpty', fields: PROPELLER_FIELDS.map((field) => field.key) }],
  }) + 16

export interface PlannedCustomer {
  row: number
  customer: PropellerCustomer
}

/**
 * Greedy, in row order: a request closes when one more item would break either limit, or when the
 * item's sourceId is already in it (Propeller answers by sourceId, so two rows with the same one in
 * one request could not be told apart; the later row then updates what the earlier one created).
 */
export function planBatches(
  items: readonly PlannedCustomer[],
  limits: ProviderLimits,
): BatchPlan<PlannedCustomer> {
  return planRequests(items, {
    limits,
    body: (item) => item.customer,
    envelopeBytes: ENVELOPE_BYTES,
    key: (item) => item.customer.sourceId,
  })
}

export { jsonBytes }
