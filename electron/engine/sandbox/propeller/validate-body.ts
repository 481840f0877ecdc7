import { ISO_COUNTRY_CODES } from '#shared/providers/propeller/countries.ts'

// The JSON-schema check Propeller runs on a bulk body before touching any customer (10007
// SchemaValidationException, providers.md §3). Messages copy the wording of Propeller's documented
// example (`#/customers/0: extraneous key [company] is not permitted`), which is the wording of the
// everit JSON-schema validator; the other messages use that validator's phrasing too [I].
//
// Only the first violation is reported, like the documented example. Keys are the sourceId schema's
// field list (seed 002) plus `language`, part of the lookup key; the schema is closed [C]. The by-id
// schema (bulk-customers-by-id) adds `id` (a number, required), `company` and `mobile`, and makes
// `sourceId` optional with `source` required only alongside it [C]. Its field table types `id` as
// "number"; the sandbox asks for a whole number from 1, since that is what Propeller ids are [I].

/** Which bulk endpoint a body was sent to: `/v2/customers/bulk/{lookupKey}`. */
export type LookupKey = 'sourceId' | 'id'

const CUSTOMER_KEYS = new Set([
  'source',
  'sourceId',
  'language',
  'debtorId',
  'firstName',
  'middleName',
  'lastName',
  'abbreviation',
  'title',
  'dateOfBirth',
  'gender',
  'ssn',
  'phone',
  'email',
  'parent',
  'primaryLanguage',
  'addresses',
])
const BY_ID_KEYS = new Set([...CUSTOMER_KEYS, 'id', 'company', 'mobile'])
const ADDRESS_KEYS = new Set([
  'type',
  'code',
  'company',
  'firstName',
  'middleName',
  'lastName',
  'gender',
  'street',
  'number',
  'numberExtension',
  'postalCode',
  'city',
  'region',
  'country',
  'icp',
  'email',
  'phone',
  'mobile',
  'url',
  'notes',
  'isDefault',
])
const DIRECTIVE_OPERATIONS = ['skipIfNotEmpty', 'skipCreate', 'skipMoveOnUpdate', 'mergeTranslationsOnUpdate']
/** Fields whose type is "int|string" in Propeller's tables (providers.md [C/conflicting]). */
const INT_OR_STRING = new Set(['debtorId', 'ssn'])
// Propeller's REST table gives m/f/u and its GraphQL and address docs M/F/U [C/conflicting]: the
// sandbox accepts both spellings rather than refuse values the documentation allows.
const GENDERS = ['M', 'F', 'U', 'm', 'f', 'u']
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typeName(value: unknown): string {
  if (value === null) return 'Null'
  if (Array.isArray(value)) return 'JSONArray'
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'BigDecimal'
  if (typeof value === 'object') return 'JSONObject'
  return typeof value === 'string' ? 'String' : 'Boolean'
}

function checkKeys(
  object: Json,
  allowed: Set<string>,
  required: readonly string[],
  at: string,
): string | null {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) return `${at}: extraneous key [${key}] is not permitted`
  }
  for (const key of required) {
    if (!(key in object)) return `${at}: required key [${key}] not found`
  }
  return null
}

function checkString(value: unknown, at: string): string | null {
  if (typeof value !== 'string') return `${at}: expected type: String, found: ${typeName(value)}`
  return null
}

function checkEnum(value: unknown, options: readonly string[], at: string): string | null {
  if (typeof value === 'string' && options.includes(value)) return null
  return `${at}: ${JSON.stringify(value)} is not a valid enum value`
}

function checkAddress(address: unknown, at: string): string | null {
  if (!isObject(address)) return `${at}: expected type: JSONObject, found: ${typeName(address)}`
  const keys = checkKeys(address, ADDRESS_KEYS, ['type', 'street', 'city', 'country'], at)
  if (keys) return keys
  for (const [key, value] of Object.entries(address)) {
    const wrong = checkString(value, `${at}/${key}`)
    if (wrong) return wrong
  }
  if (address['type'] !== 'delivery' && address['type'] !== 'invoice') {
    return checkEnum(address['type'], ['delivery', 'invoice'], `${at}/type`)
  }
  for (const key of ['street', 'city'] as const) {
    if ((address[key] as string).trim() === '') return `${at}/${key}: expected minLength: 1, actual: 0`
  }
  if (!ISO_COUNTRY_CODES.includes(address['country'] as string)) {
    return checkEnum(address['country'], ISO_COUNTRY_CODES, `${at}/country`)
  }
  if ('gender' in address && !GENDERS.includes(address['gender'] as string)) {
    return checkEnum(address['gender'], GENDERS, `${at}/gender`)
  }
  for (const key of ['icp', 'isDefault']) {
    if (key in address && address[key] !== 'Y' && address[key] !== 'N') {
      return checkEnum(address[key], ['Y', 'N'], `${at}/${key}`)
    }
  }
  if ('email' in address && !EMAIL.test(address['email'] as string)) {
    return `${at}/email: [${address['email'] as string}] is not a valid email address`
  }
  return null
}

/** Keys and lookup values of one customer as the endpoint's schema wants them, or the first violation. */
function lookupViolation(customer: Json, at: string, lookupKey: LookupKey): string | null {
  if (lookupKey === 'sourceId') {
    const keys = checkKeys(customer, CUSTOMER_KEYS, ['source', 'sourceId'], at)
    if (keys) return keys
  } else {
    const keys = checkKeys(customer, BY_ID_KEYS, 'sourceId' in customer ? ['id', 'source'] : ['id'], at)
    if (keys) return keys
    const id = customer['id']
    if (typeof id !== 'number' || !Number.isInteger(id))
      return `${at}/id: expected type: Integer, found: ${typeName(id)}`
    if (id < 1) return `${at}/id: ${id} is not greater or equal to 1`
  }
  for (const [key, value] of Object.entries(customer)) {
    if (key === 'addresses' || key === 'parent' || key === 'id') continue
    if (INT_OR_STRING.has(key) && typeof value === 'number' && Number.isInteger(value)) continue
    const wrong = checkString(value, `${at}/${key}`)
    if (wrong) return wrong
  }
  for (const key of ['source', 'sourceId'] as const) {
    if (key in customer && (customer[key] as string).trim() === '')
      return `${at}/${key}: expected minLength: 1, actual: 0`
  }
  return null
}

/** The first schema violation of one customer, or null. `at` is its pointer, e.g. `#/customers/3`. */
export function customerViolation(
  customer: unknown,
  at: string,
  lookupKey: LookupKey = 'sourceId',
): string | null {
  if (!isObject(customer)) return `${at}: expected type: JSONObject, found: ${typeName(customer)}`
  const lookup = lookupViolation(customer, at, lookupKey)
  if (lookup) return lookup
  if ('email' in customer && !EMAIL.test(customer['email'] as string)) {
    return `${at}/email: [${customer['email'] as string}] is not a valid email address`
  }
  if ('dateOfBirth' in customer && !DATE.test(customer['dateOfBirth'] as string)) {
    return `${at}/dateOfBirth: [${customer['dateOfBirth'] as string}] is not a valid date. Expected yyyy-MM-dd`
  }
  if ('gender' in customer && !GENDERS.includes(customer['gender'] as string)) {
    return checkEnum(customer['gender'], GENDERS, `${at}/gender`)
  }
  for (const key of ['primaryLanguage', 'language']) {
    if (key in customer && !/^[A-Za-z]{2}$/.test(customer[key] as string)) {
      return `${at}/${key}: string [${customer[key] as string}] does not match pattern ^[A-Za-z]{2}$`
    }
  }
  if ('parent' in customer && !isObject(customer['parent'])) {
    return `${at}/parent: expected type: JSONObject, found: ${typeName(customer['parent'])}`
  }
  if ('addresses' in customer) {
    const addresses = customer['addresses']
    if (!Array.isArray(addresses))
      return `${at}/addresses: expected type: JSONArray, found: ${typeName(addresses)}`
    for (const [index, address] of addresses.entries()) {
      const wrong = checkAddress(address, `${at}/addresses/${index}`)
      if (wrong) return wrong
    }
  }
  return null
}

/** The first violation of the body's envelope (`customers`, `directives`), or null. */
export function envelopeViolation(body: unknown, maxItems: number): string | null {
  if (!isObject(body)) return `#: expected type: JSONObject, found: ${typeName(body)}`
  const keys = checkKeys(body, new Set(['customers', 'directives']), ['customers'], '#')
  if (keys) return keys
  const customers = body['customers']
  if (!Array.isArray(customers)) return `#/customers: expected type: JSONArray, found: ${typeName(customers)}`
  // Neither bound is documented [G]: an empty list has nothing to do, and the maximum is the sandbox's.
  if (customers.length === 0) return '#/customers: expected minimum item count: 1, found: 0'
  if (customers.length > maxItems) {
    return `#/customers: expected maximum item count: ${maxItems}, found: ${customers.length}`
  }
  if (!('directives' in body)) return null
  const directives = body['directives']
  if (!Array.isArray(directives))
    return `#/directives: expected type: JSONArray, found: ${typeName(directives)}`
  for (const [index, directive] of directives.entries()) {
    const at = `#/directives/${index}`
    if (!isObject(directive)) return `${at}: expected type: JSONObject, found: ${typeName(directive)}`
    const wrong = checkKeys(directive, new Set(['operation', 'fields']), ['operation'], at)
    if (wrong) return wrong
    if (!DIRECTIVE_OPERATIONS.includes(directive['operation'] as string)) {
      return checkEnum(directive['operation'], DIRECTIVE_OPERATIONS, `${at}/operation`)
    }
    const fields = directive['fields']
    if (fields !== undefined && (!Array.isArray(fields) || fields.some((name) => typeof name !== 'string'))) {
      return `${at}/fields: expected type: JSONArray of String`
    }
  }
  return null
}
