import { t } from '../../i18n/i18n.ts'
import { jsonBytes, planBatches as planRequests, type BatchPlan } from '../batching.ts'
import { fieldValue } from '../../validation/validate-record.ts'
import type { ConnectionSettings, MappedRecord, ProviderField, ProviderLimits, RowOutcome } from '../types.ts'
import { existingChoiceOf, matchByOf, type MatchBy } from './connection.ts'
import { ADDRESS_TYPES, PROPELLER_FIELDS } from './schema.ts'

// Turns mapped rows into the body of a customer bulk request (`{ customers, directives }`, seed 002)
// and cuts them into requests within the item and byte limits. Two endpoints take the same body and
// differ only in how an item names its customer:
// - `POST /v2/customers/bulk/sourceId`: `source` (the connection's) + `sourceId` (the row's Customer ID);
// - `POST /v2/customers/bulk/id`: `id`, Propeller's own customer number (the row's Propeller customer
//   ID); `sourceId` is optional there and `source` goes with it (providers.md §3, bulk-customers-by-id).
// Propeller answers each item with its `key` (the lookup value), which ties an answer back to its row.

export const TOKEN_PATH = '/oauth2/token'
export const BULK_BY_SOURCE_ID_PATH = '/v2/customers/bulk/sourceId'
export const BULK_BY_ID_PATH = '/v2/customers/bulk/id'

export function bulkPathFor(matchBy: MatchBy): string {
  return matchBy === 'id' ? BULK_BY_ID_PATH : BULK_BY_SOURCE_ID_PATH
}

export type PropellerAddress = Record<string, string>

export interface PropellerCustomer {
  /** Propeller's customer id: the lookup key of the by-id endpoint, never sent to the sourceId one. */
  id?: number
  source?: string
  sourceId?: string
  [key: string]: string | number | PropellerAddress[] | undefined
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

/** Record keys that name the customer rather than describe it: placed by `buildCustomer` itself. */
const LOOKUP_KEYS = new Set(['sourceId', 'propellerId'])

/** "25494" (or " 25 494") → 25494; null when the cell is empty or not a possible Propeller id. */
export function propellerIdOf(record: MappedRecord): number | null {
  const raw = record['propellerId']
  if (raw === undefined) return null
  const text = fieldValue({ type: 'integer' }, raw)
  if (!/^\d+$/.test(text)) return null
  const id = Number(text)
  return id >= 1 && Number.isSafeInteger(id) ? id : null
}

/**
 * The customer object for one row. Values are normalised as validation saw them. By id, the row's
 * Propeller customer ID becomes `id` (call `propellerIdOf` first: a row without one cannot be sent),
 * and its Customer ID, when there is one, still goes along as `sourceId` with the source, which the
 * by-id endpoint documents as optional and then requires together.
 */
export function buildCustomer(
  record: MappedRecord,
  source: string,
  matchBy: MatchBy = 'sourceId',
): PropellerCustomer {
  const customer: Record<string, unknown> = {}
  if (matchBy === 'id') {
    const id = propellerIdOf(record)
    if (id !== null) customer['id'] = id
    const sourceId = record['sourceId']?.trim() ?? ''
    if (sourceId !== '') Object.assign(customer, { source, sourceId: record['sourceId'] })
  } else {
    Object.assign(customer, { source, sourceId: record['sourceId'] ?? '' })
  }
  const addresses: PropellerAddress[] = []
  for (const [key, raw] of Object.entries(record)) {
    const field = FIELD_BY_KEY.get(key)
    if (field === undefined || LOOKUP_KEYS.has(key)) continue // other providers' keys are never sent
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

/** The value Propeller echoes as an item's `key`: its `id` by id, its `sourceId` otherwise. */
export function lookupValueOf(customer: PropellerCustomer): string {
  return customer.id !== undefined ? String(customer.id) : (customer.sourceId ?? '')
}

/** Why a row cannot be sent when the connection matches customers by Propeller customer ID. */
export const missingPropellerId = (): string => t('validation:propeller.missingCustomerId')

/**
 * Every row as a planned customer, except rows that cannot name their customer in the connection's
 * mode (by id without a Propeller customer ID): those fail here, before anything is sent.
 */
export function planCustomers(
  items: readonly { row: number; record: MappedRecord }[],
  settings: ConnectionSettings,
): { planned: PlannedCustomer[]; refused: RowOutcome[] } {
  const matchBy = matchByOf(settings)
  const source = sourceOf(settings)
  const planned: PlannedCustomer[] = []
  const refused: RowOutcome[] = []
  for (const item of items) {
    if (matchBy === 'id' && propellerIdOf(item.record) === null) {
      refused.push({ row: item.row, status: 'failed', message: missingPropellerId() })
      continue
    }
    planned.push({ row: item.row, customer: buildCustomer(item.record, source, matchBy) })
  }
  return { planned, refused }
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
      if (key !== 'id' && key !== 'source' && key !== 'sourceId' && key !== 'addresses') fields.add(key)
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
 * item's lookup value is already in it (Propeller answers by that value, so two rows with the same one
 * in one request could not be told apart; the later row then updates what the earlier one created).
 */
export function planBatches(
  items: readonly PlannedCustomer[],
  limits: ProviderLimits,
): BatchPlan<PlannedCustomer> {
  return planRequests(items, {
    limits,
    body: (item) => item.customer,
    envelopeBytes: ENVELOPE_BYTES,
    key: (item) => lookupValueOf(item.customer),
  })
}

export { jsonBytes }
