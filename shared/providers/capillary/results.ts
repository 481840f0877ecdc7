import { AppError } from '../../errors.ts'

// Pure readers of Capillary's v2 answers. Bulk answers are `{ response: [...], totalCount,
// failureCount }` with one element per item in request order, each with `errors[]` and `warnings[]` of
// `{ status, code, message }` [C]. A request refused as a whole has only the top-level
// `{ errors: [...], warnings: [...] }` [C]. Anything else throws PROVIDER_PROTOCOL rather than guessing.

/** "Multiple actions running for the same customer – retry later" [C]: the item was not applied. */
export const RETRY_LATER = 521
/** "Batch limit exceeded" [C]: the request carried more items than Capillary takes at once. */
export const BATCH_LIMIT_EXCEEDED = 1060

export interface CapillaryCode {
  code: number
  message: string
}

export type ItemResult =
  | { kind: 'saved'; id: string; created: boolean; warnings: CapillaryCode[] }
  | { kind: 'refused'; errors: CapillaryCode[]; warnings: CapillaryCode[] }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function protocol(what: string): AppError {
  return new AppError(
    'PROVIDER_PROTOCOL',
    `Capillary sent ${what} that Crosswalk does not understand. Try again later, and if it keeps happening, send us the log file.`,
  )
}

/**
 * The codes in an `errors`/`warnings` list. Empty objects are skipped: the seed's `PUT /v2/bulk`
 * example shows `"errors": [{}]` on a successful item.
 */
export function codesOf(list: unknown): CapillaryCode[] {
  if (!Array.isArray(list)) return []
  const codes: CapillaryCode[] = []
  for (const entry of list) {
    if (!isObject(entry)) continue
    const code = Number(entry['code'])
    const message = typeof entry['message'] === 'string' ? entry['message'].trim() : ''
    if (!Number.isFinite(code) && message === '') continue
    codes.push({ code: Number.isFinite(code) ? code : 0, message })
  }
  return codes
}

function idText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  return null
}

/**
 * One bulk element. Capillary does not document how an upsert says whether it registered or updated
 * the customer. The upsert wraps v2 add (whose answer names the new customer `createdId`) and v2
 * update, so an element carrying `createdId` (on itself or in `result`) is read as registered and any
 * other success as updated [G]; the sandbox answers the same way.
 */
function readElement(element: unknown): ItemResult {
  if (!isObject(element)) throw protocol('a bulk result')
  const errors = codesOf(element['errors'])
  const warnings = codesOf(element['warnings'])
  if (errors.length > 0) return { kind: 'refused', errors, warnings }
  const result = isObject(element['result']) ? element['result'] : {}
  const createdId = idText(element['createdId']) ?? idText(result['createdId'])
  const id = idText(element['entityId']) ?? idText(result['id']) ?? createdId
  if (id === null) throw protocol('a bulk result without a customer id or an error')
  return { kind: 'saved', id, created: createdId !== null, warnings }
}

/** The bulk answer's elements, one per item sent; throws when the count does not match. */
export function parseBulkResponse(body: unknown, sent: number): ItemResult[] {
  const list = isObject(body) ? body['response'] : undefined
  if (!Array.isArray(list)) throw protocol('a bulk answer without a "response" list')
  if (list.length !== sent) {
    throw protocol(`a bulk answer with ${list.length} results for ${sent} customers`)
  }
  return list.map(readElement)
}

/** The request-level errors of a body refused as a whole, or null when it is not that envelope. */
export function requestErrors(body: unknown): CapillaryCode[] | null {
  if (!isObject(body) || Array.isArray(body['response'])) return null
  const errors = codesOf(body['errors'])
  return errors.length > 0 ? errors : null
}

export function describeCode(entry: CapillaryCode): string {
  return entry.message === '' ? `code ${entry.code}` : `${entry.message} (code ${entry.code})`
}

/** What to do about the item errors we can explain; the rest get a generic hint. */
const HINTS: Record<number, string> = {
  8003: 'The source in the connection settings is not one Capillary accepts for this organisation.',
  8005: 'The row has no identifier Capillary accepts: give it a valid External ID, mobile (with country code) or email.',
  8008: 'The row’s identifiers belong to different customers in Capillary (for example the email is another customer’s). Fix the identifiers so they all belong to one customer.',
  8013: 'One of the row’s identifiers is of a type Capillary does not know.',
  8014: 'The row’s main identifier is not valid (e.g. a mobile without its country code). Fix it and upload the row again.',
  8017: 'The Registration date must look like 2016-06-23T19:11:18+08:00.',
  8018: 'This customer is a loyalty member in Capillary and cannot be made non_loyalty. Set Loyalty type to loyalty for this row.',
  8026: 'This customer was deleted in Capillary at their request (PII deletion) and cannot be recreated by an import.',
  8127: 'The source and Account ID in the connection settings do not match an account of this organisation.',
  91007: 'One of the row’s identifiers already belongs to another customer in Capillary.',
  91015:
    'Capillary could not save an extended or custom field: check that your organisation has it enabled and that the value is not too long.',
}

/** The message of a refused row: Capillary's words and codes, then what to do. */
export function refusedMessage(errors: readonly CapillaryCode[]): string {
  const reasons = errors.map(describeCode).join('; ')
  const hint = errors.map((entry) => HINTS[entry.code]).find((text) => text !== undefined)
  return `Capillary refused this row: ${reasons}. ${hint ?? 'Fix the row in the file and upload it again.'}`
}

/** A warning shown on a row Capillary saved, e.g. "Invalid mobile (code 8056): it was not saved." */
export function warningMessage(entry: CapillaryCode): string {
  const dropped = [8055, 8056, 8057, 8058, 8064].includes(entry.code)
    ? ' The customer was saved without this value; fix it in the file and upload the row again to add it.'
    : ''
  return `Capillary: ${describeCode(entry)}.${dropped}`
}
