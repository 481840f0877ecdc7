import { AppError } from '../../errors.ts'
import { formatMessage, t } from '../../i18n/i18n.ts'

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

/** `what` names the answer: a key of `validation:capillary.answers`. */
function protocol(what: string, values?: Record<string, number>): AppError {
  const answer = formatMessage({ key: `validation:capillary.answers.${what}`, values })
  return new AppError('PROVIDER_PROTOCOL', t('validation:capillary.protocol', { what: answer }))
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
  if (!isObject(element)) throw protocol('bulkResult')
  const errors = codesOf(element['errors'])
  const warnings = codesOf(element['warnings'])
  if (errors.length > 0) return { kind: 'refused', errors, warnings }
  const result = isObject(element['result']) ? element['result'] : {}
  const createdId = idText(element['createdId']) ?? idText(result['createdId'])
  const id = idText(element['entityId']) ?? idText(result['id']) ?? createdId
  if (id === null) throw protocol('bulkResultWithoutId')
  return { kind: 'saved', id, created: createdId !== null, warnings }
}

/** The bulk answer's elements, one per item sent; throws when the count does not match. */
export function parseBulkResponse(body: unknown, sent: number): ItemResult[] {
  const list = isObject(body) ? body['response'] : undefined
  if (!Array.isArray(list)) throw protocol('withoutResponse')
  if (list.length !== sent) {
    throw protocol('countMismatch', { results: list.length, sent })
  }
  return list.map(readElement)
}

/** The request-level errors of a body refused as a whole, or null when it is not that envelope. */
export function requestErrors(body: unknown): CapillaryCode[] | null {
  if (!isObject(body) || Array.isArray(body['response'])) return null
  const errors = codesOf(body['errors'])
  return errors.length > 0 ? errors : null
}

/** Capillary's own words (kept as it sent them) and its code, e.g. "Invalid mobile (code 8056)". */
export function describeCode(entry: CapillaryCode): string {
  return entry.message === ''
    ? t('validation:capillary.code', { code: entry.code })
    : t('validation:capillary.codeWithMessage', { code: entry.code, message: entry.message })
}

/**
 * The item errors we can explain: each has what to do under `validation:capillary.hints.<code>`; the
 * rest get a generic hint.
 */
const HINTED_CODES = new Set([8003, 8005, 8008, 8013, 8014, 8017, 8018, 8026, 8127, 91007, 91015])

/** The message of a refused row: Capillary's words and codes, then what to do. */
export function refusedMessage(errors: readonly CapillaryCode[]): string {
  const reasons = errors.map(describeCode).join('; ')
  const hinted = errors.find((entry) => HINTED_CODES.has(entry.code))
  const hint = hinted
    ? formatMessage({ key: `validation:capillary.hints.${hinted.code}` })
    : t('validation:capillary.hints.other')
  return t('validation:capillary.refused', { reasons, hint })
}

/** Codes of a value Capillary dropped while saving the rest of the customer. */
const DROPPED_VALUE_CODES = [8055, 8056, 8057, 8058, 8064]

/** A warning shown on a row Capillary saved, e.g. "Capillary: Invalid mobile (code 8056). The customer…". */
export function warningMessage(entry: CapillaryCode): string {
  const code = describeCode(entry)
  return DROPPED_VALUE_CODES.includes(entry.code)
    ? t('validation:capillary.warningDropped', { code })
    : t('validation:capillary.warning', { code })
}
