// What the sandbox refuses in one customer of a batch, as the message Thulium puts in that
// customer's result. Only "Phone number must be numeric." is Thulium's own wording (seed 003); the
// other rules are documented (required surname, type and group names that must exist) but their
// wording is not, so it is ours [G]. Unknown fields are refused rather than ignored, the
// conservative reading: a misspelt key never silently loses data.

const TEXT_FIELDS = [
  'name',
  'surname',
  'email',
  'phone_number',
  'type',
  'group',
  'identifier',
  'gender',
  'homepage',
  'birthdate',
  'nip',
  'note',
  'pesel',
  'job',
  'job_title',
  'account_manager',
]
const ADDRESS_FIELDS = ['address', 'invoice_address', 'mail_drop_address']
const ADDRESS_PARTS = ['street', 'building', 'flat', 'postcode', 'city', 'country']
const KNOWN_FIELDS = new Set([
  ...TEXT_FIELDS,
  ...ADDRESS_FIELDS,
  'customer_id',
  'company_id',
  'custom_fields',
  'fill_read_only_custom_fields',
  'vip',
])

/** Customer types and groups "defined in the system" of the sandbox (a new Thulium system has a few). */
export const SANDBOX_TYPES = ['Klient detaliczny', 'Klient biznesowy']
export const SANDBOX_GROUPS = ['VIP', 'Standard', 'Hurt']

const EMAIL = /^[^\s@,]+@[^\s@.,]+(\.[^\s@.,]+)+$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isText(value: unknown): value is string {
  return typeof value === 'string'
}

/** Several emails or numbers may be given comma-separated ("adres lub adresy", seed 003) [G]. */
function parts(value: string): string[] {
  return value.split(',').map((part) => part.trim())
}

export function customerProblem(customer: unknown, mode: 'create' | 'update'): string | null {
  if (!isObject(customer)) return 'Customer must be an object.'
  const unknown = Object.keys(customer).find((key) => !KNOWN_FIELDS.has(key))
  if (unknown !== undefined) return `Unknown field: ${unknown}.`
  for (const key of TEXT_FIELDS) {
    if (key in customer && !isText(customer[key])) return `Field ${key} must be a string.`
  }
  if (mode === 'update') {
    const id = customer['customer_id']
    if (!(isText(id) && /^\d+$/.test(id)) && !(typeof id === 'number' && Number.isInteger(id))) {
      return 'Field customer_id is required.'
    }
  } else if ('customer_id' in customer) {
    return 'Unknown field: customer_id.'
  }
  const surname = customer['surname']
  if (mode === 'create' && (!isText(surname) || surname.trim() === '')) return 'Surname is required.'
  if (mode === 'update' && isText(surname) && surname.trim() === '') return 'Surname cannot be empty.'
  const email = customer['email']
  if (isText(email) && email !== '' && !parts(email).every((part) => EMAIL.test(part))) {
    return 'Email address is invalid.'
  }
  const phone = customer['phone_number']
  if (isText(phone) && phone !== '' && !parts(phone).every((part) => /^\d+$/.test(part))) {
    return 'Phone number must be numeric.'
  }
  const type = customer['type']
  if (isText(type) && type !== '' && !SANDBOX_TYPES.includes(type))
    return `Customer type "${type}" does not exist.`
  const group = customer['group']
  if (isText(group) && group !== '' && !SANDBOX_GROUPS.includes(group)) {
    return `Customer group "${group}" does not exist.`
  }
  const birthdate = customer['birthdate']
  if (isText(birthdate) && birthdate !== '' && !DATE.test(birthdate)) {
    return 'Birthdate must be a date in format YYYY-MM-DD.'
  }
  const companyId = customer['company_id']
  if (companyId !== undefined && !/^[1-9]\d*$/.test(String(companyId))) return 'Company id must be a number.'
  if ('vip' in customer && typeof customer['vip'] !== 'boolean') return 'Field vip must be true or false.'
  if (
    'fill_read_only_custom_fields' in customer &&
    typeof customer['fill_read_only_custom_fields'] !== 'boolean'
  ) {
    return 'Field fill_read_only_custom_fields must be true or false.'
  }
  return addressProblem(customer) ?? customFieldsProblem(customer['custom_fields'])
}

function addressProblem(customer: Record<string, unknown>): string | null {
  for (const key of ADDRESS_FIELDS) {
    if (!(key in customer)) continue
    const address = customer[key]
    if (!isObject(address)) return `Field ${key} must be an object.`
    const unknown = Object.keys(address).find((part) => !ADDRESS_PARTS.includes(part))
    if (unknown !== undefined) return `Unknown field: ${key}.${unknown}.`
    const notText = ADDRESS_PARTS.find((part) => part in address && !isText(address[part]))
    if (notText !== undefined) return `Field ${key}.${notText} must be a string.`
  }
  return null
}

function customFieldsProblem(fields: unknown): string | null {
  if (fields === undefined) return null
  if (!isObject(fields)) return 'Field custom_fields must be an object.'
  const bad = Object.entries(fields).find(([, value]) => !isText(value) && typeof value !== 'number')
  return bad ? `Custom field "${bad[0]}" must be text.` : null
}
