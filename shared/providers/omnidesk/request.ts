import { t } from '../../i18n/i18n.ts'
import { fieldLabelValues } from '../../validation/field-label.ts'
import { fieldValue } from '../../validation/validate-record.ts'
import type { MappedRecord, ProviderField } from '../types.ts'
import { omnideskNameSpelling } from './names.ts'
import { CHANNEL_FIELDS, OMNIDESK_CUSTOM, OMNIDESK_FIELDS, PRIMARY_ID } from './schema.ts'

// Omnidesk has no bulk endpoint: each customer is looked up by its primary external ID, then
// created or updated, one form-encoded request each (seed 004). These builders produce the fields of
// those forms in a fixed order; the transport encodes and sends them.

export const OMNIDESK_PATHS = {
  list: '/api/v2/customer',
  searchByPrimaryId: '/api/v2/customer/SearchByPrimaryExternalID',
  create: '/api/v2/customer/createCustomerCRUD',
  update: '/api/v2/customer/updateCustomer',
} as const

/** Form fields in the order they are sent. */
export type FormFields = readonly (readonly [string, string])[]

export interface CustomerForm {
  fields: FormFields
  /** `channelKeys[N]` is the record key sent as `customerChannelValue_N`, to name it in messages. */
  channelKeys: readonly string[]
}

const FIELD_BY_KEY = new Map<string, ProviderField>(OMNIDESK_FIELDS.map((field) => [field.key, field]))

function value(record: MappedRecord, key: string): string | undefined {
  const raw = record[key]
  const field = FIELD_BY_KEY.get(key)
  return raw === undefined || field === undefined ? raw : fieldValue(field, raw)
}

export function primaryIdOf(record: MappedRecord): string | undefined {
  return value(record, PRIMARY_ID)
}

/** `SearchByPrimaryExternalID`: the documented `primary_id` and `brand_id`. */
export function searchForm(primaryId: string, brandId: string): FormFields {
  return [
    ['primary_id', primaryId],
    ['brand_id', brandId],
  ]
}

/**
 * `createCustomerCRUD` (`primaryID`, `brandID`) or `updateCustomer` (`externalPrimaryID`,
 * `brandID`); both take the same names, custom fields and numbered channel pairs. Fields the row
 * leaves empty are not sent, and Omnidesk documents that an update leaves omitted fields unchanged.
 */
export function customerForm(
  record: MappedRecord,
  brandId: string,
  operation: 'create' | 'update',
): CustomerForm {
  const fields: [string, string][] = [
    [operation === 'create' ? 'primaryID' : 'externalPrimaryID', primaryIdOf(record) ?? ''],
    ['brandID', brandId],
  ]
  for (const key of ['firstname', 'lastname']) {
    const name = record[key]
    if (name !== undefined) fields.push([key, omnideskNameSpelling(name)])
  }
  for (const [key, text] of Object.entries(record)) {
    if (OMNIDESK_CUSTOM.owns(key)) fields.push([key, text])
  }
  const channelKeys: string[] = []
  const seen = new Set<string>()
  for (const channel of CHANNEL_FIELDS) {
    const address = value(record, channel.key)
    // The same address in two columns is one channel, not two.
    if (address === undefined || seen.has(`${channel.type}:${address.toLowerCase()}`)) continue
    seen.add(`${channel.type}:${address.toLowerCase()}`)
    const index = channelKeys.length
    fields.push([`customerChannelType_${index}`, channel.type], [`customerChannelValue_${index}`, address])
    channelKeys.push(channel.key)
  }
  return { fields, channelKeys }
}

/** application/x-www-form-urlencoded, as Omnidesk's update endpoints document (and its POSTs accept). */
export function encodeForm(fields: FormFields): string {
  return new URLSearchParams(fields.map(([key, text]): [string, string] => [key, text])).toString()
}

/** What was changed on the way out, for the row's outcome: names respelled for Omnidesk. */
export function spellingWarnings(record: MappedRecord): string[] {
  const warnings: string[] = []
  for (const [key, label] of [
    ['firstname', 'First name'],
    ['lastname', 'Last name'],
  ] as const) {
    const name = record[key]
    if (name === undefined) continue
    const spelling = omnideskNameSpelling(name)
    if (spelling !== name) {
      warnings.push(
        t('validation:omnidesk.spellingSent', {
          ...fieldLabelValues('omnidesk', { key, label }),
          value: name,
          spelling,
        }),
      )
    }
  }
  return warnings
}
