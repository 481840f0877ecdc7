import { checkEmail } from '#shared/validation/rules.ts'

// Per-item checks Kustomer makes while processing a bulk job. A failing item becomes a result with
// `status: 'error'` and one line of text naming the field, e.g.
// `emails.0.email: "bob@@x" is not a valid email address`. Enum values and custom attribute suffixes
// are the documented ones; fields Crosswalk never sends are only type-checked loosely.

const EMAIL_TYPES = ['home', 'work', 'other']
const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other']
const LOCATION_TYPES = ['home', 'work', 'other']
const SOCIAL_TYPES = ['twitter', 'facebook', 'instagram', 'linkedin', 'pinterest']
const URL_TYPES = ['website', 'blog', 'other']
const GENDERS = ['m', 'f']
const POLARITIES = [-1, 0, 1]
const DATE_FIELDS = [
  'signedUpAt',
  'lastActivityAt',
  'lastCustomerActivityAt',
  'lastSeenAt',
  'birthdayAt',
  'createdAt',
  'importedAt',
]
const LOCATION_TEXT = [
  'name',
  'address',
  'address2',
  'address3',
  'countryCode',
  'countryName',
  'regionCode',
  'regionName',
  'cityName',
  'zipCode',
  'areaCode',
]
const CUSTOM_KEY = /^[A-Za-z_][A-Za-z0-9_]*(Str|Txt|Num|At|Bool|Url)$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const TEXT_LIMIT = 1024
const STRING_FIELDS = [
  'name',
  'externalId',
  'username',
  'locale',
  'timeZone',
  'defaultLang',
  'company',
  'avatarUrl',
]

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const show = (value: unknown) => JSON.stringify(value)

function checkList(
  item: Record<string, unknown>,
  field: 'emails' | 'phones',
  valueKey: 'email' | 'phone',
  types: readonly string[],
): string | null {
  const list = item[field]
  if (list === undefined) return null
  if (!Array.isArray(list)) return `${field}: must be a list`
  for (const [index, entry] of list.entries()) {
    const path = `${field}.${index}`
    if (!isObject(entry)) return `${path}: must be an object with "${valueKey}"`
    const value = entry[valueKey]
    if (typeof value !== 'string' || value === '') return `${path}.${valueKey}: is required`
    if (valueKey === 'email' && checkEmail(value) !== null) {
      return `${path}.email: ${show(value)} is not a valid email address`
    }
    if (valueKey === 'phone' && !/\d/.test(value))
      return `${path}.phone: ${show(value)} is not a phone number`
    if (entry['type'] !== undefined && !types.includes(entry['type'] as string)) {
      return `${path}.type: ${show(entry['type'])} is not one of ${types.join(', ')}`
    }
  }
  return null
}

/** Entries of a list whose items are objects with an optional or required `type` from a fixed set. */
function checkTypedList(
  item: Record<string, unknown>,
  field: string,
  types: readonly string[],
  typeRequired: boolean,
  check: (entry: Record<string, unknown>, path: string) => string | null,
): string | null {
  const list = item[field]
  if (list === undefined) return null
  if (!Array.isArray(list)) return `${field}: must be a list`
  for (const [index, entry] of list.entries()) {
    const path = `${field}.${index}`
    if (!isObject(entry)) return `${path}: must be an object`
    if (entry['type'] === undefined ? typeRequired : !types.includes(entry['type'] as string)) {
      return `${path}.type: ${show(entry['type'])} is not one of ${types.join(', ')}`
    }
    const problem = check(entry, path)
    if (problem) return problem
  }
  return null
}

function checkLocation(entry: Record<string, unknown>, path: string): string | null {
  for (const key of LOCATION_TEXT) {
    if (entry[key] !== undefined && typeof entry[key] !== 'string') return `${path}.${key}: must be text`
  }
  // ISO 3166-1 alpha-2 as the documents give it ("US"); lower case is refused too, the conservative
  // reading of a code field (Crosswalk sends it upper-cased).
  const country = entry['countryCode']
  if (country !== undefined && !/^[A-Z]{2}$/.test(country as string)) {
    return `${path}.countryCode: ${show(country)} is not an ISO 3166-1 alpha-2 country code`
  }
  for (const key of ['latitude', 'longitude']) {
    if (entry[key] !== undefined && typeof entry[key] !== 'number') return `${path}.${key}: must be a number`
  }
  return null
}

function checkSocial(entry: Record<string, unknown>, path: string): string | null {
  const username = entry['username']
  return typeof username === 'string' && username !== '' ? null : `${path}.username: is required`
}

function checkUrlEntry(entry: Record<string, unknown>, path: string): string | null {
  const url = entry['url']
  if (typeof url !== 'string' || url === '') return `${path}.url: is required`
  return URL.canParse(url) ? null : `${path}.url: ${show(url)} is not a URL`
}

function checkSentiment(sentiment: unknown): string | null {
  if (!isObject(sentiment)) return 'sentiment: must be an object with polarity and confidence'
  if (!POLARITIES.includes(sentiment['polarity'] as number)) {
    return `sentiment.polarity: ${show(sentiment['polarity'])} is not one of -1, 0, 1`
  }
  const confidence = sentiment['confidence']
  if (typeof confidence !== 'number' || !Number.isFinite(confidence)) {
    return 'sentiment.confidence: must be a number'
  }
  return null
}

function checkCustomValue(key: string, value: unknown): string | null {
  const path = `custom.${key}`
  const suffix = CUSTOM_KEY.exec(key)?.[1]
  if (suffix === undefined) {
    return `${path}: ${show(key)} is not a valid custom attribute name; it must end in Str, Txt, Num, At, Bool or Url`
  }
  if (suffix === 'Str' || suffix === 'Txt') {
    if (typeof value !== 'string') return `${path}: must be text`
    if (value.length > TEXT_LIMIT) return `${path}: is longer than ${TEXT_LIMIT} characters`
  }
  if (suffix === 'Num' && value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
    return `${path}: must be a number`
  }
  if (suffix === 'At' && value !== null && (typeof value !== 'string' || !ISO_DATE_TIME.test(value))) {
    return `${path}: ${show(value)} is not an ISO 8601 date-time`
  }
  if (suffix === 'Bool' && typeof value !== 'boolean') return `${path}: must be true or false`
  if (suffix === 'Url' && (typeof value !== 'string' || !URL.canParse(value))) {
    return `${path}: ${show(value)} is not a URL`
  }
  return null
}

/** The first problem with one customer item, or null. Duplicates and ids are checked against the store by the job. */
export function checkCustomer(item: unknown): string | null {
  if (!isObject(item)) return 'item: must be a customer object'
  for (const field of STRING_FIELDS) {
    if (item[field] !== undefined && typeof item[field] !== 'string') return `${field}: must be text`
  }
  const listProblem =
    checkList(item, 'emails', 'email', EMAIL_TYPES) ?? checkList(item, 'phones', 'phone', PHONE_TYPES)
  if (listProblem) return listProblem
  const nestedProblem =
    checkTypedList(item, 'locations', LOCATION_TYPES, false, checkLocation) ??
    checkTypedList(item, 'socials', SOCIAL_TYPES, true, checkSocial) ??
    checkTypedList(item, 'urls', URL_TYPES, false, checkUrlEntry)
  if (nestedProblem) return nestedProblem
  for (const field of DATE_FIELDS) {
    const value = item[field]
    if (value !== undefined && (typeof value !== 'string' || !ISO_DATE_TIME.test(value))) {
      return `${field}: ${show(value)} is not an ISO 8601 date-time`
    }
  }
  if (item['sentiment'] !== undefined) {
    const problem = checkSentiment(item['sentiment'])
    if (problem) return problem
  }
  const tags = item['tags']
  if (tags !== undefined && (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))) {
    return 'tags: must be a list of text'
  }
  if (item['gender'] !== undefined && !GENDERS.includes(item['gender'] as string)) {
    return `gender: ${show(item['gender'])} is not one of ${GENDERS.join(', ')}`
  }
  const custom = item['custom']
  if (custom !== undefined) {
    if (!isObject(custom)) return 'custom: must be an object'
    for (const [key, value] of Object.entries(custom)) {
      const problem = checkCustomValue(key, value)
      if (problem) return problem
    }
  }
  return null
}
