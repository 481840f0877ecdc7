import type { CodeEntry } from './envelope.ts'
import { coded } from './envelope.ts'
import type { Identifier } from './customer-store.ts'

// Per-item checks Capillary makes on an upsert item [C: v2 add customer field rules and status codes].
// Invalid email/mobile values are warnings: the value is dropped and the customer still saved (8055,
// 8056, 8057, 8058 are documented as warnings). An item left with no valid identifier is refused (8005).

const IDENTIFIER_TYPES = [
  'mobile',
  'email',
  'externalId',
  'wechat',
  'martjackId',
  'fbId',
  'tmall_uname',
  'cuid',
  'ali_uname',
  'jd_uname',
  'vip_uname',
  'mobilePush',
  'line',
  'card',
  'cardnumber',
]
const CHANNEL_TYPES = ['mobile', 'email', 'wechat', 'ios', 'android', 'line', 'mobilePush']
const EXTENDED_FIELDS = [
  'gender',
  'dob',
  'city',
  'state',
  'area',
  'zip',
  'country_of_residence',
  'preferred_language',
]
/** Digits only with the country code, no plus [C]; 8–15 digits is the ITU range [I]. */
const MOBILE = /^\d{8,15}$/
/** Capillary's email characters [C], in the usual local@domain.tld shape. */
const EMAIL = /^[a-zA-Z0-9\-_+.]+@[a-zA-Z0-9\-_]+(\.[a-zA-Z0-9\-_]+)+$/
const CREATE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const NAME_LIMIT = 100
/** Not documented; 255 like email [G]. */
const VALUE_LIMIT = 255

export interface CheckedItem {
  loyaltyType: string
  source?: string
  firstName?: string
  lastName?: string
  createDate?: string
  identifiers: Identifier[]
  commChannels: Record<string, unknown>[]
  extendedFields: Record<string, string>
  fields: Record<string, string>
  warnings: CodeEntry[]
}

export type ItemCheck =
  { ok: true; item: CheckedItem } | { ok: false; errors: CodeEntry[]; warnings: CodeEntry[] }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function validValue(type: string, value: string): boolean {
  if (type === 'mobile') return MOBILE.test(value)
  if (type === 'email') return value.length <= 255 && EMAIL.test(value)
  return value.trim() !== ''
}

function stringMap(value: unknown): Record<string, string> | null {
  if (value === undefined) return {}
  if (!isObject(value)) return null
  const map: Record<string, string> = {}
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string' && typeof text !== 'number' && typeof text !== 'boolean') return null
    map[key] = String(text)
  }
  return map
}

export function checkItem(raw: unknown): ItemCheck {
  const warnings: CodeEntry[] = []
  const refuse = (error: CodeEntry): ItemCheck => ({ ok: false, errors: [error], warnings })
  if (!isObject(raw)) return refuse(coded('noValidIdentifiers', 'the item is not a customer object'))
  const loyaltyInfo = raw['loyaltyInfo']
  const loyaltyType = isObject(loyaltyInfo) ? loyaltyInfo['loyaltyType'] : undefined
  if (loyaltyType !== 'loyalty' && loyaltyType !== 'non_loyalty') return refuse(coded('invalidLoyaltyType'))
  const profiles = raw['profiles']
  const profile = Array.isArray(profiles) ? profiles[0] : undefined
  if (!isObject(profile)) return refuse(coded('noValidIdentifiers', 'profiles is missing'))

  const identifiers: Identifier[] = []
  for (const identifier of Array.isArray(profile['identifiers']) ? profile['identifiers'] : []) {
    const type = isObject(identifier) ? identifier['type'] : undefined
    const value = isObject(identifier) ? identifier['value'] : undefined
    if (typeof type !== 'string' || !IDENTIFIER_TYPES.includes(type)) {
      return refuse(coded('invalidIdentifier', JSON.stringify(type)))
    }
    const text = typeof value === 'string' ? value : ''
    if (validValue(type, text)) identifiers.push({ type, value: text })
    else if (type === 'email') warnings.push(coded('invalidEmail', text))
    else if (type === 'mobile') warnings.push(coded('invalidMobile', text))
    else if (type === 'externalId') warnings.push(coded('externalIdInvalid'))
  }
  if (identifiers.length === 0) return refuse(coded('noValidIdentifiers'))

  const commChannels: Record<string, unknown>[] = []
  for (const channel of Array.isArray(profile['commChannels']) ? profile['commChannels'] : []) {
    const type = isObject(channel) ? channel['type'] : undefined
    if (!isObject(channel) || typeof type !== 'string' || !CHANNEL_TYPES.includes(type)) {
      return refuse(coded('invalidCommChannel', JSON.stringify(type)))
    }
    const value = typeof channel['value'] === 'string' ? channel['value'] : ''
    if ((type === 'email' || type === 'mobile') && !validValue(type, value)) {
      warnings.push(coded(type === 'email' ? 'invalidChannelEmail' : 'invalidChannelMobile', value))
    } else {
      commChannels.push(channel)
    }
  }

  const createDate = profile['createDate']
  if (createDate !== undefined && (typeof createDate !== 'string' || !CREATE_DATE.test(createDate))) {
    return refuse(coded('invalidRegistrationDate', JSON.stringify(createDate)))
  }
  const extendedFields = stringMap(raw['extendedFields'])
  if (extendedFields === null)
    return refuse(coded('extendedFields', 'extendedFields must be key-value pairs'))
  for (const [key, text] of Object.entries(extendedFields)) {
    // The org's enabled extended fields are not known to the sandbox: it accepts Capillary's standard ones.
    if (!EXTENDED_FIELDS.includes(key))
      return refuse(coded('extendedFields', `unknown extended field ${key}`))
    if (key === 'dob' && !ISO_DATE.test(text))
      return refuse(coded('extendedFields', `dob must be YYYY-MM-DD`))
    if (text.length > VALUE_LIMIT) return refuse(coded('extendedFields', `${key} is too long`))
  }
  // Custom fields are org-configured; the sandbox accepts any lower-case name (it cannot know the org's).
  const fields = stringMap(profile['fields'])
  if (fields === null) return refuse(coded('extendedFields', 'fields must be key-value pairs'))
  for (const [key, text] of Object.entries(fields)) {
    if (text.length > VALUE_LIMIT) return refuse(coded('extendedFields', `field ${key} is too long`))
  }

  const item: CheckedItem = { loyaltyType, identifiers, commChannels, extendedFields, fields, warnings }
  // Names over 100 characters: "excess silently ignored" [C].
  if (typeof profile['firstName'] === 'string') item.firstName = profile['firstName'].slice(0, NAME_LIMIT)
  if (typeof profile['lastName'] === 'string') item.lastName = profile['lastName'].slice(0, NAME_LIMIT)
  if (typeof createDate === 'string') item.createDate = createDate
  if (typeof profile['source'] === 'string' && profile['source'] !== '') item.source = profile['source']
  return { ok: true, item }
}
