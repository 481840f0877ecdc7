import { fieldValue } from '../../validation/validate-record.ts'
import { splitList } from '../../validation/rules.ts'
import type { MappedRecord, ProviderField, ProviderLimits } from '../types.ts'
import { KUSTOMER_CUSTOM, KUSTOMER_FIELDS } from './schema.ts'

// Turns mapped rows into the JSON Kustomer's bulk endpoints take, and cuts them into requests that
// respect both documented limits: 100 items and a 100 kB body.

export interface KustomerCustomer {
  /** Our row key; Kustomer echoes it in the bulk results so each outcome finds its row. */
  _clientRef: string
  /** The Kustomer id: set only in updates (`PUT /v1/customers/bulk`). */
  id?: string
  name?: string
  externalId?: string
  emails?: { email: string }[]
  phones?: { phone: string }[]
  tags?: string[]
  locale?: string
  custom?: Record<string, string>
}

const CLIENT_REF = /^row-([1-9]\d*)$/

export function clientRefForRow(row: number): string {
  return `row-${row}`
}

/** The row a `_clientRef` from Kustomer's results stands for, or null when it is not one of ours. */
export function rowForClientRef(ref: string): number | null {
  const match = CLIENT_REF.exec(ref)
  return match ? Number(match[1]) : null
}

const FIELD_BY_KEY = new Map<string, ProviderField>(KUSTOMER_FIELDS.map((field) => [field.key, field]))

function value(record: MappedRecord, key: string): string | undefined {
  const raw = record[key]
  const field = FIELD_BY_KEY.get(key)
  return raw === undefined || field === undefined ? raw : fieldValue(field, raw)
}

export function buildCustomer(record: MappedRecord, clientRef: string): KustomerCustomer {
  const customer: KustomerCustomer = { _clientRef: clientRef }
  const name = value(record, 'name')
  if (name !== undefined) customer.name = name
  const externalId = value(record, 'externalId')
  if (externalId !== undefined) customer.externalId = externalId
  const email = value(record, 'emails.0.email')
  if (email !== undefined) customer.emails = [{ email }]
  const phone = value(record, 'phones.0.phone')
  if (phone !== undefined) customer.phones = [{ phone }]
  const tags = record['tags'] === undefined ? [] : splitList(record['tags'])
  if (tags.length > 0) customer.tags = tags
  const locale = value(record, 'locale')
  if (locale !== undefined) customer.locale = locale
  const custom: Record<string, string> = {}
  for (const [key, text] of Object.entries(record)) {
    if (KUSTOMER_CUSTOM.owns(key)) custom[key.slice('custom.'.length)] = text
  }
  if (Object.keys(custom).length > 0) customer.custom = custom
  return customer
}

export interface BatchPlan {
  batches: KustomerCustomer[][]
  /** Items that alone make a body over the limit: no request can carry them. */
  tooLarge: KustomerCustomer[]
}

const encoder = new TextEncoder()

/** UTF-8 size of a value as JSON: the limit is on bytes on the wire, and non-ASCII names take more. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length
}

/** Greedy, in row order: a request closes when one more item would break either limit. */
export function planBatches(items: readonly KustomerCustomer[], limits: ProviderLimits): BatchPlan {
  const batches: KustomerCustomer[][] = []
  const tooLarge: KustomerCustomer[] = []
  let current: KustomerCustomer[] = []
  let currentBytes = 2 // `[` and `]`
  for (const item of items) {
    const bytes = jsonBytes(item)
    if (bytes + 2 > limits.maxBodyBytes) {
      tooLarge.push(item)
      continue
    }
    const added = current.length === 0 ? bytes : bytes + 1 // `,` between items
    if (current.length >= limits.maxItemsPerRequest || currentBytes + added > limits.maxBodyBytes) {
      batches.push(current)
      current = []
      currentBytes = 2
    }
    currentBytes += current.length === 0 ? bytes : bytes + 1
    current.push(item)
  }
  if (current.length > 0) batches.push(current)
  return { batches, tooLarge }
}
