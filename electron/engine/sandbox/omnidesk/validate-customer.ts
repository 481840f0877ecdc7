import { checkEmail } from '#shared/validation/rules.ts'
import { OMNIDESK_NAME_PATTERN } from '#shared/providers/omnidesk/names.ts'
import type { Channel, CustomerChanges } from './customer-store.ts'

// The field checks Omnidesk documents for creating and updating customers (seed 004): the name
// pattern, channel types and telephone pattern, a valid email address. Messages follow the
// `{"status":"error","message"}` format, one sentence naming the form field. Lengths are not
// documented; 255 characters (a common column size) is the sandbox's conservative assumption.

export const TEXT_LIMIT = 255
const CHANNEL_TYPE = /^([0-9]+|email|telephone|facebook|twitter)$/
const TELEPHONE = /^\+[0-9]+$/
const TWITTER = /^[a-zA-Z0-9_ ]+$/
const CUSTOM_KEY = /^custom_[A-Za-z0-9_]+$/
const CHANNEL_KEY = /^customerChannel(Type|Value)_(\d+)$/

export type FieldsCheck = { ok: true; changes: CustomerChanges } | { ok: false; message: string }

function checkName(key: string, value: string): string | null {
  if (value.length > TEXT_LIMIT) return `The ${key} may not be greater than ${TEXT_LIMIT} characters.`
  if (value !== '' && !OMNIDESK_NAME_PATTERN.test(value)) return `The ${key} field format is invalid.`
  return null
}

function checkChannel(index: string, type: string, value: string): string | null {
  const valueKey = `customerChannelValue_${index}`
  if (!CHANNEL_TYPE.test(type)) return `The customerChannelType_${index} field format is invalid.`
  if (value === '') return `The ${valueKey} field is required when customerChannelType_${index} is present.`
  if (value.length > TEXT_LIMIT) return `The ${valueKey} may not be greater than ${TEXT_LIMIT} characters.`
  if (type === 'email' && checkEmail(value) !== null) return `The ${valueKey} must be a valid email address.`
  if (type === 'telephone' && !TELEPHONE.test(value)) return `The ${valueKey} field format is invalid.`
  if (type === 'twitter' && !TWITTER.test(value)) return `The ${valueKey} field format is invalid.`
  return null
}

/** Names, custom fields and channel pairs of a create or update form; other fields are ignored. */
export function checkCustomerFields(fields: ReadonlyMap<string, string>): FieldsCheck {
  const changes: CustomerChanges = { channels: [], custom: {} }
  for (const key of ['firstname', 'lastname'] as const) {
    const value = fields.get(key)
    if (value === undefined) continue
    const problem = checkName(key, value)
    if (problem) return { ok: false, message: problem }
    changes[key] = value
  }
  const pairs = new Map<string, { type?: string; value?: string }>()
  for (const [key, value] of fields) {
    if (CUSTOM_KEY.test(key)) {
      if (value.length > TEXT_LIMIT) {
        return { ok: false, message: `The ${key} may not be greater than ${TEXT_LIMIT} characters.` }
      }
      changes.custom[key.slice('custom_'.length)] = value
      continue
    }
    const channel = CHANNEL_KEY.exec(key)
    if (!channel) continue
    const index = channel[2] ?? ''
    const pair = pairs.get(index) ?? {}
    if (channel[1] === 'Type') pair.type = value
    else pair.value = value
    pairs.set(index, pair)
  }
  const ordered = [...pairs.entries()].sort(([a], [b]) => Number(a) - Number(b))
  for (const [index, pair] of ordered) {
    if (pair.type === undefined) {
      return {
        ok: false,
        message: `The customerChannelType_${index} field is required when customerChannelValue_${index} is present.`,
      }
    }
    const problem = checkChannel(index, pair.type, pair.value ?? '')
    if (problem) return { ok: false, message: problem }
    const entry: Channel = { type: pair.type, value: pair.value ?? '' }
    changes.channels.push(entry)
  }
  return { ok: true, changes }
}
