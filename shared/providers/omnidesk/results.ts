import { AppError } from '../../errors.ts'
import { t } from '../../i18n/i18n.ts'
import { fieldLabel } from '../../i18n/provider-text.ts'
import { OMNIDESK_FIELDS } from './schema.ts'

// Pure readers of Omnidesk's answers. Errors are documented as `{"status":"error","message":"…"}`
// and successes as `{"type":"result","message":"…"}`. What a search answers is not documented
// ("No content" in the docs); the only documented customer shape is the list's
// `{ itemStart, itemTotal, itemLimit, items: [{ id, external_primary_id, … }] }`, so that envelope
// is read (what the sandbox sends), as is a bare customer object. Anything else is a protocol
// error rather than a guess, because mistaking "found" for "not found" would create duplicates.

export type SearchResult = { found: true; id: string | undefined } | { found: false }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The only answer Omnidesk can send that Crosswalk does not understand is a search answer. */
function protocol(): AppError {
  return new AppError('PROVIDER_PROTOCOL', t('validation:omnidesk.protocolSearch'))
}

function idOf(customer: Record<string, unknown>): string | undefined {
  const id = customer['id']
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : undefined
}

/** A 200 answer of `SearchByPrimaryExternalID`. */
export function parseSearchResponse(body: unknown): SearchResult {
  if (!isObject(body)) throw protocol()
  const items = body['items']
  if (Array.isArray(items)) {
    const first: unknown = items[0]
    if (first === undefined) return { found: false }
    if (!isObject(first)) throw protocol()
    return { found: true, id: idOf(first) }
  }
  if (idOf(body) !== undefined) return { found: true, id: idOf(body) }
  throw protocol()
}

/** Omnidesk's reason from an error body, or null when the body has none. */
export function errorBodyMessage(body: unknown): string | null {
  if (!isObject(body)) return null
  const message = body['message'] ?? body['error']
  return typeof message === 'string' && message.trim() !== '' ? message.trim() : null
}

/** A 404 whose Omnidesk error says the customer does not exist (not that the address is wrong). */
export function isCustomerNotFound(body: unknown): boolean {
  const message = errorBodyMessage(body)
  return (
    message !== null &&
    /customer/i.test(message) &&
    /not (been )?found|does not exist|no customer/i.test(message)
  )
}

const FIELD_BY_KEY = new Map(OMNIDESK_FIELDS.map((field) => [field.key, field]))

/** The names Omnidesk's messages use for the Customer ID, besides the field's own `primaryID`. */
const CUSTOMER_ID_NAMES = new Set(['primaryID', 'externalPrimaryID', 'primary_id'])

/** The column's label as the screens show it, or null when the key is not one of Omnidesk's fields. */
function labelOf(key: string): string | null {
  const field = FIELD_BY_KEY.get(CUSTOMER_ID_NAMES.has(key) ? 'primaryID' : key)
  return field ? fieldLabel('omnidesk', field) : null
}

/** Which column a refusal is about, from the form field Omnidesk names in its message. */
export function columnNamed(reason: string, channelKeys: readonly string[]): string | null {
  const match =
    /\b(primaryID|externalPrimaryID|primary_id|firstname|lastname|custom_[A-Za-z0-9_]+|customerChannel(?:Type|Value)_(\d+))\b/.exec(
      reason,
    )
  if (!match) return null
  const field = match[1] ?? ''
  if (match[2] !== undefined) {
    const key = channelKeys[Number(match[2])]
    return key === undefined ? null : (labelOf(key) ?? key)
  }
  return labelOf(field) ?? t('validation:omnidesk.customField', { field })
}

/** The message for a row Omnidesk refused, naming the column when Omnidesk names the field. */
export function refusedMessage(message: string, channelKeys: readonly string[]): string {
  const reason = message.replace(/[.\s]+$/, '')
  if (/already exists/i.test(reason)) return t('validation:omnidesk.refusedExisting', { reason })
  if (/custom/i.test(reason) && /(unknown|does not exist|not exist)/i.test(reason)) {
    return t('validation:omnidesk.refusedCustomField', { reason })
  }
  const column = columnNamed(reason, channelKeys)
  return column
    ? t('validation:omnidesk.refusedColumn', { reason, column })
    : t('validation:omnidesk.refused', { reason })
}
