import { AppError } from '../../errors.ts'
import { formatMessage, t } from '../../i18n/i18n.ts'
import { fieldLabel } from '../../i18n/provider-text.ts'
import type { MatchBy } from './connection.ts'
import { PROPELLER_FIELDS } from './schema.ts'

// Pure readers of Propeller's answers (seed 002, providers.md §3): the token, the bulk answer
// `{ data: [{ action, id, key, lookupKey, success, error? }], messages, total }` and the error body
// `{ error: { code, status, type, messages[], moreInfo } }`. Anything that does not look like those
// throws PROVIDER_PROTOCOL rather than guessing.

export const SCHEMA_VALIDATION = 10007

export interface AccessToken {
  accessToken: string
  expiresInSeconds: number
}

export type ItemResult =
  | { key: string; success: true; action: 'create' | 'update'; id: string | null }
  | { key: string; success: false; error: string }

export interface PropellerError {
  code: number | null
  status: number | null
  type: string
  messages: string[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `what` names the answer: a key of `validation:propeller.answers`. */
function protocol(what: string, values?: Record<string, string>): AppError {
  const answer = formatMessage({ key: `validation:propeller.answers.${what}`, values })
  return new AppError('PROVIDER_PROTOCOL', t('validation:propeller.protocol', { what: answer }))
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** `{ access_token, expires_in }`; `expires_in` arrives as a number, or a string on older hosts [C]. */
export function parseToken(body: unknown): AccessToken {
  const accessToken = isObject(body) ? body['access_token'] : undefined
  if (typeof accessToken !== 'string' || accessToken === '') throw protocol('signIn')
  const seconds = Number(isObject(body) ? body['expires_in'] : undefined)
  // Propeller documents 30 minutes; assume that when the answer does not say.
  return { accessToken, expiresInSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 1800 }
}

/** The items of a 200 bulk answer, in the order Propeller lists them. */
export function parseBulkResponse(body: unknown): ItemResult[] {
  const data = isObject(body) ? body['data'] : undefined
  if (!Array.isArray(data)) throw protocol('batch')
  return data.map((entry): ItemResult => {
    const key = isObject(entry) ? text(entry['key']) : null
    if (!isObject(entry) || key === null || typeof entry['success'] !== 'boolean') {
      throw protocol('resultWithoutKey')
    }
    if (entry['success']) {
      const action = entry['action']
      if (action !== 'create' && action !== 'update')
        throw protocol('resultWithAction', { action: String(action) })
      return { key, success: true, action, id: text(entry['id']) }
    }
    const error = text(entry['error'])
    return { key, success: false, error: error ?? t('validation:propeller.noReason') }
  })
}

/** The `error` object of a refused request, or null when the body is not one. */
export function parseError(body: unknown): PropellerError | null {
  const error = isObject(body) ? body['error'] : undefined
  if (!isObject(error)) return null
  const messages = Array.isArray(error['messages'])
    ? error['messages'].filter((message): message is string => typeof message === 'string')
    : []
  return {
    code: typeof error['code'] === 'number' ? error['code'] : null,
    status: typeof error['status'] === 'number' ? error['status'] : null,
    type: typeof error['type'] === 'string' ? error['type'] : '',
    messages,
  }
}

export interface SchemaViolations {
  /** Position in `customers` → what Propeller said about that item. */
  byItem: Map<number, string[]>
  /** Messages that point at no single item (e.g. at `#/customers` as a whole). */
  general: string[]
}

/** Splits 10007 messages by the item their JSON pointer (`#/customers/{i}…`) names. */
export function schemaViolations(messages: readonly string[]): SchemaViolations {
  const byItem = new Map<number, string[]>()
  const general: string[] = []
  for (const message of messages) {
    const match = /^#\/customers\/(\d+)(?=[/:\s]|$)/.exec(message.trim())
    if (!match) {
      general.push(message)
      continue
    }
    const index = Number(match[1])
    byItem.set(index, [...(byItem.get(index) ?? []), message.trim()])
  }
  return { byItem, general }
}

const FIELD_BY_KEY = new Map(PROPELLER_FIELDS.map((field) => [field.key, field]))

/**
 * `#/customers/3/addresses/0/country: [XX] is not a valid enum value` → the column the person knows
 * ("Address country") and Propeller's reason. Keys named in brackets ("required key [city] not
 * found") refine the pointer.
 */
export function describeViolation(message: string): { field: string | null; reason: string } {
  const match = /^#\/customers\/\d+((?:\/[^:\s]+)*)\s*:?\s*(.*)$/.exec(message.trim())
  if (!match) return { field: null, reason: message.trim() }
  const path = (match[1] ?? '').split('/').filter((part) => part !== '')
  const reason = (match[2] ?? '').trim() || message.trim()
  const named = /key \[([^\]]+)\]/.exec(reason)?.[1]
  if (named) path.push(named)
  const key = path.join('.')
  return { field: key === '' ? null : key, reason }
}

/** The message shown for a row whose item failed Propeller's schema check (10007). */
export function schemaRefusalMessage(messages: readonly string[]): string {
  const parts = messages.map((message) => {
    const { field, reason } = describeViolation(message)
    if (field === null) return reason
    const known = FIELD_BY_KEY.get(field)
    return known ? `${fieldLabel('propeller', known)} (${field}): ${reason}` : `${field}: ${reason}`
  })
  return t('validation:propeller.refusedSchema', { reasons: parts.join('; ') })
}

/** The message shown for a row Propeller refused in a 200 answer (`success: false`). */
export function itemRefusalMessage(reason: string, matchBy: MatchBy = 'sourceId'): string {
  const notFound =
    matchBy === 'id'
      ? t('validation:propeller.hints.notFoundById')
      : t('validation:propeller.hints.notFoundBySource')
  const hint = /not found/i.test(reason) ? notFound : t('validation:propeller.hints.other')
  return t('validation:propeller.refused', { reason: reason.replace(/\.$/, ''), hint })
}

/** A refused request's reason in one line: the type and messages, or the HTTP status. */
export function errorReason(error: PropellerError | null, status: number): string {
  if (error === null) return `HTTP ${status}`
  const label = [error.type, error.code === null ? '' : `code ${error.code}`].filter(Boolean).join(', ')
  const messages = error.messages.join('; ')
  return [label, messages].filter(Boolean).join(': ') || `HTTP ${status}`
}

/**
 * The by-id endpoint creates a customer when the id is unknown (bulk-customers-by-id: "If a customer
 * doesn't already exist, it will be created"), and Propeller numbers new customers itself. The row
 * then counts as created, with this remark, because uploading the file unchanged would create
 * another customer.
 */
export function createdByIdWarning(sentId: string, newId: string | null): string {
  return newId === null
    ? t('validation:propeller.createdById', { sentId })
    : t('validation:propeller.createdByIdAs', { sentId, newId })
}
