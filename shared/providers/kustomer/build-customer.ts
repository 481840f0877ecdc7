import { splitList } from '../../validation/rules.ts'
import { fieldValue } from '../../validation/validate-record.ts'
import type { MappedRecord, ProviderField } from '../types.ts'
import { customValue, parseCustomKey } from './custom-attributes.ts'
import { KUSTOMER_FIELDS } from './schema.ts'
import { toIsoDateTime, toKustomerGender } from './values.ts'

// A mapped row → one item of Kustomer's bulk customer array (the shape of seed 000). Values arrive
// checked by validation; here they are only normalised (E.164 phones, choice case, ISO date-times)
// and typed (numbers, booleans) as Kustomer's schema wants them.

type Typed<T> = T & { type?: string }

export interface KustomerCustomer {
  /** Our row key; Kustomer echoes it in the bulk results so each outcome finds its row. */
  _clientRef: string
  /** The Kustomer id: set only in updates (`PUT /v1/customers/bulk`). */
  id?: string
  name?: string
  externalId?: string
  username?: string
  emails?: Typed<{ email: string }>[]
  phones?: Typed<{ phone: string }>[]
  locations?: Typed<Record<string, string>>[]
  socials?: { type: string; username: string }[]
  urls?: Typed<{ url: string }>[]
  locale?: string
  timeZone?: string
  gender?: string
  tags?: string[]
  sentiment?: { polarity: number; confidence: number }
  birthdayAt?: string
  signedUpAt?: string
  lastActivityAt?: string
  lastSeenAt?: string
  createdAt?: string
  importedAt?: string
  custom?: Record<string, string | number | boolean>
}

const FIELD_BY_KEY = new Map<string, ProviderField>(KUSTOMER_FIELDS.map((field) => [field.key, field]))
const PLAIN = ['name', 'externalId', 'username', 'locale', 'timeZone'] as const
const DATES = ['birthdayAt', 'signedUpAt', 'lastActivityAt', 'lastSeenAt', 'createdAt', 'importedAt'] as const
const LOCATION_PARTS = [
  'address',
  'address2',
  'cityName',
  'regionCode',
  'regionName',
  'zipCode',
  'countryName',
] as const

function value(record: MappedRecord, key: string): string | undefined {
  const raw = record[key]
  const field = FIELD_BY_KEY.get(key)
  return raw === undefined || field === undefined ? raw : fieldValue(field, raw)
}

/** The schema's slots of a list: `emails` has `emails.0.*` and `emails.1.*`, the others only `.0`. */
const SLOTS: Readonly<Record<string, readonly number[]>> = { emails: [0, 1], phones: [0, 1], urls: [0] }

/**
 * `[{ <valueKey>: value, type? }, …]` from `<list>.<n>.<valueKey>` and `<list>.<n>.type`, one entry
 * per filled slot in slot order (so a row with only a second email sends a one-entry list), or undefined.
 */
function entries<K extends string>(record: MappedRecord, list: string, valueKey: K) {
  const result: Typed<Record<K, string>>[] = []
  for (const slot of SLOTS[list] ?? [0]) {
    const text = value(record, `${list}.${slot}.${valueKey}`)
    if (text === undefined) continue
    const type = value(record, `${list}.${slot}.type`)
    result.push({ [valueKey]: text, ...(type === undefined ? {} : { type }) } as Typed<Record<K, string>>)
  }
  return result.length > 0 ? result : undefined
}

function location(record: MappedRecord): Typed<Record<string, string>> | undefined {
  const parts: Record<string, string> = {}
  for (const part of LOCATION_PARTS) {
    const text = value(record, `locations.0.${part}`)
    if (text !== undefined) parts[part] = text
  }
  const country = value(record, 'locations.0.countryCode')
  if (country !== undefined) parts['countryCode'] = country.toUpperCase()
  if (Object.keys(parts).length === 0) return undefined
  const type = value(record, 'locations.0.type')
  return type === undefined ? parts : { type, ...parts }
}

export function buildCustomer(record: MappedRecord, clientRef: string): KustomerCustomer {
  const customer: KustomerCustomer = { _clientRef: clientRef }
  for (const key of PLAIN) {
    const text = value(record, key)
    if (text !== undefined) customer[key] = text
  }
  const gender = record['gender'] === undefined ? null : toKustomerGender(record['gender'])
  if (gender) customer.gender = gender
  const emails = entries(record, 'emails', 'email')
  if (emails) customer.emails = emails
  const phones = entries(record, 'phones', 'phone')
  if (phones) customer.phones = phones
  const place = location(record)
  if (place) customer.locations = [place]
  const social = value(record, 'socials.0.username')
  const network = value(record, 'socials.0.type')
  if (social !== undefined && network !== undefined) customer.socials = [{ type: network, username: social }]
  const urls = entries(record, 'urls', 'url')
  if (urls) customer.urls = urls
  for (const key of DATES) {
    const text = value(record, key)
    if (text !== undefined) customer[key] = toIsoDateTime(text)
  }
  const polarity = value(record, 'sentiment.polarity')
  const confidence = value(record, 'sentiment.confidence')
  if (polarity !== undefined && confidence !== undefined) {
    customer.sentiment = { polarity: Number(polarity), confidence: Number(confidence) }
  }
  const tags = record['tags'] === undefined ? [] : splitList(record['tags'])
  if (tags.length > 0) customer.tags = tags
  const custom: Record<string, string | number | boolean> = {}
  for (const [key, text] of Object.entries(record)) {
    const parsed = parseCustomKey(key)
    if (parsed) custom[parsed.name] = customValue(parsed.suffix, text)
  }
  if (Object.keys(custom).length > 0) customer.custom = custom
  return customer
}
