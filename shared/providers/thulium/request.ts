import { jsonBytes, planBatches as planRequests, type BatchPlan } from '../batching.ts'
import { fieldValue } from '../../validation/validate-record.ts'
import type { MappedRecord, ProviderField, ProviderLimits } from '../types.ts'
import { THULIUM_CUSTOM, THULIUM_FIELDS, CUSTOM_FIELDS_PREFIX } from './schema.ts'

// Turns mapped rows into the customer objects of Thulium's batch endpoints and cuts them into
// requests within the item and byte limits. Thulium answers per position in `customers`, so a
// batch's order is what ties each answer back to its row.

export type ThuliumAddress = Partial<
  Record<'street' | 'building' | 'flat' | 'postcode' | 'city' | 'country', string>
>

export interface ThuliumCustomer {
  /** Only on updates (`PUT /api/batch/customers`), where it is required. */
  customer_id?: string
  name?: string
  surname?: string
  email?: string
  phone_number?: string
  identifier?: string
  company_id?: number
  type?: string
  group?: string
  gender?: string
  homepage?: string
  birthdate?: string
  nip?: string
  pesel?: string
  note?: string
  job?: string
  job_title?: string
  account_manager?: string
  vip?: boolean
  address?: ThuliumAddress
  invoice_address?: ThuliumAddress
  mail_drop_address?: ThuliumAddress
  custom_fields?: Record<string, string>
}

const FIELD_BY_KEY = new Map<string, ProviderField>(THULIUM_FIELDS.map((field) => [field.key, field]))
const ADDRESS_KEYS = new Set(['address', 'invoice_address', 'mail_drop_address'])

/**
 * Thulium refuses phone numbers that are not numeric ("Phone number must be numeric.", seed 003).
 * "+48 555-666-777", "(0048) 555 666 777" → "48555666777": the punctuation people type is dropped,
 * and so are the `+` and `00` that only say "international".
 */
export function normalisePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s().\-/]/g, '')
  if (compact.startsWith('+')) return compact.slice(1)
  if (compact.startsWith('00')) return compact.slice(2)
  return compact
}

export function isNumericPhone(value: string): boolean {
  return /^\d{3,20}$/.test(value)
}

/** The customer object for one row. Values are normalised as validation saw them. */
export function buildCustomer(record: MappedRecord): ThuliumCustomer {
  const customer: Record<string, unknown> = {}
  const custom: Record<string, string> = {}
  for (const [key, raw] of Object.entries(record)) {
    if (THULIUM_CUSTOM.owns(key)) {
      custom[key.slice(CUSTOM_FIELDS_PREFIX.length)] = raw
      continue
    }
    const field = FIELD_BY_KEY.get(key)
    if (field === undefined) continue // a key of another provider's mapping: never sent
    const [top, part] = key.split('.') as [string, string | undefined]
    if (part !== undefined && ADDRESS_KEYS.has(top)) {
      const address = (customer[top] ??= {}) as Record<string, string>
      address[part] = raw
    } else if (key === 'phone_number') {
      customer[key] = normalisePhone(raw)
    } else if (key === 'vip') {
      customer[key] = fieldValue(field, raw) === 'true'
    } else if (key === 'company_id') {
      customer[key] = Number(fieldValue(field, raw))
    } else {
      customer[key] = fieldValue(field, raw)
    }
  }
  if (Object.keys(custom).length > 0) customer['custom_fields'] = custom
  return customer as ThuliumCustomer
}

/** `GET /api/customers?identifier=…&limit=2`: two, so a shared identifier is noticed, not guessed. */
export function lookupPath(identifier: string): string {
  return `/api/customers?${new URLSearchParams({ identifier, limit: '2' }).toString()}`
}

export const BATCH_PATH = '/api/batch/customers'

/** The body of a batch request (POST creates, PUT updates): Thulium answers per position in it. */
export function batchBody(customers: ThuliumCustomer[]): { customers: ThuliumCustomer[] } {
  return { customers }
}

/** `{"customers":[` + `]}` around the items. */
const ENVELOPE_BYTES = jsonBytes({ customers: [] })

/** Greedy, in row order: a request closes when one more item would break either limit. */
export function planBatches<T>(
  items: readonly T[],
  customerOf: (item: T) => ThuliumCustomer,
  limits: ProviderLimits,
): BatchPlan<T> {
  return planRequests(items, { limits, body: customerOf, envelopeBytes: ENVELOPE_BYTES })
}

export { jsonBytes }
