import { AppError } from '../../errors.ts'
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

function protocol(what: string): AppError {
  return new AppError(
    'PROVIDER_PROTOCOL',
    `Omnidesk sent ${what} that Crosswalk does not understand, so the upload stopped. Check the connection's account name and domain; if they are right, send us the log file.`,
  )
}

function idOf(customer: Record<string, unknown>): string | undefined {
  const id = customer['id']
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : undefined
}

/** A 200 answer of `SearchByPrimaryExternalID`. */
export function parseSearchResponse(body: unknown): SearchResult {
  if (!isObject(body)) throw protocol('a customer search answer')
  const items = body['items']
  if (Array.isArray(items)) {
    const first: unknown = items[0]
    if (first === undefined) return { found: false }
    if (!isObject(first)) throw protocol('a customer search answer')
    return { found: true, id: idOf(first) }
  }
  if (idOf(body) !== undefined) return { found: true, id: idOf(body) }
  throw protocol('a customer search answer')
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

const LABELS: Readonly<Record<string, string>> = {
  primaryID: 'Customer ID',
  externalPrimaryID: 'Customer ID',
  primary_id: 'Customer ID',
  ...Object.fromEntries(OMNIDESK_FIELDS.map((field) => [field.key, field.label])),
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
    return key === undefined ? null : (LABELS[key] ?? key)
  }
  return LABELS[field] ?? `custom field ${field}`
}

/** The message for a row Omnidesk refused, naming the column when Omnidesk names the field. */
export function refusedMessage(message: string, channelKeys: readonly string[]): string {
  const reason = message.replace(/[.\s]+$/, '')
  if (/already exists/i.test(reason)) {
    return `Omnidesk refused this row: ${reason}. Another customer of this brand already has this Customer ID; give the row a different Customer ID or check that customer in Omnidesk.`
  }
  if (/custom/i.test(reason) && /(unknown|does not exist|not exist)/i.test(reason)) {
    return `Omnidesk refused this row: ${reason}. Create that custom customer field in Omnidesk first (or stop mapping the column to it), then upload the row again.`
  }
  const column = columnNamed(reason, channelKeys)
  const where = column ? ` Fix the "${column}" value in the file` : ' Fix the value in the file'
  return `Omnidesk refused this row: ${reason}.${where} and upload this row again.`
}
