import { AppError } from '../../errors.ts'
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

function protocol(what: string): AppError {
  return new AppError(
    'PROVIDER_PROTOCOL',
    `Propeller sent ${what} that Crosswalk does not understand. Nothing more was sent; try again later, and if it keeps happening, send us the log file.`,
  )
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** `{ access_token, expires_in }`; `expires_in` arrives as a number, or a string on older hosts [C]. */
export function parseToken(body: unknown): AccessToken {
  const accessToken = isObject(body) ? body['access_token'] : undefined
  if (typeof accessToken !== 'string' || accessToken === '') throw protocol('a sign-in answer')
  const seconds = Number(isObject(body) ? body['expires_in'] : undefined)
  // Propeller documents 30 minutes; assume that when the answer does not say.
  return { accessToken, expiresInSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 1800 }
}

/** The items of a 200 bulk answer, in the order Propeller lists them. */
export function parseBulkResponse(body: unknown): ItemResult[] {
  const data = isObject(body) ? body['data'] : undefined
  if (!Array.isArray(data)) throw protocol('an answer to a batch of customers')
  return data.map((entry): ItemResult => {
    const key = isObject(entry) ? text(entry['key']) : null
    if (!isObject(entry) || key === null || typeof entry['success'] !== 'boolean') {
      throw protocol('a customer result without a key')
    }
    if (entry['success']) {
      const action = entry['action']
      if (action !== 'create' && action !== 'update')
        throw protocol(`a customer result with action "${String(action)}"`)
      return { key, success: true, action, id: text(entry['id']) }
    }
    const error = text(entry['error'])
    return { key, success: false, error: error ?? 'no reason given' }
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

const LABEL_BY_KEY = new Map(PROPELLER_FIELDS.map((field) => [field.key, field.label]))

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
    const label = LABEL_BY_KEY.get(field)
    return label ? `${label} (${field}): ${reason}` : `${field}: ${reason}`
  })
  return `Propeller refused this row: ${parts.join('; ')}. Fix that value in the file and upload this row again; the rest of its batch was sent without it.`
}

/** The message shown for a row Propeller refused in a 200 answer (`success: false`). */
export function itemRefusalMessage(reason: string, matchBy: MatchBy = 'sourceId'): string {
  const notFound =
    matchBy === 'id'
      ? 'Check the Propeller customer ID of this row against Propeller.'
      : 'Check the Customer ID, or choose to create new customers in the connection settings.'
  const hint = /not found/i.test(reason) ? notFound : 'Fix the row in the file and upload it again.'
  return `Propeller refused this row: ${reason.replace(/\.$/, '')}. ${hint}`
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
  const named = newId === null ? 'a new customer' : `a new customer with ID ${newId}`
  return `Propeller had no customer with ID ${sentId}, so it created ${named}. Put the new ID in the Propeller customer ID column before uploading this row again, or Propeller may create yet another customer; to only update existing customers, change "Customers that already exist" in the connection settings.`
}
