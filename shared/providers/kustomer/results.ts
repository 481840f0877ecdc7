import { AppError } from '../../errors.ts'
import { formatMessage, t } from '../../i18n/i18n.ts'
import type { RowOutcome } from '../types.ts'
import { rowForClientRef } from './request.ts'

// Pure readers of Kustomer's bulk responses. Anything that does not look like what the docs describe
// throws PROVIDER_PROTOCOL rather than guessing, so a changed API never turns into wrong outcomes.

export type BulkStatus = 'queued' | 'running' | 'complete'

export interface BulkProgress {
  status: BulkStatus
  batchesComplete: number
  batchesTotal: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `what` names the answer: a key of `validation:kustomer.answers`. */
function protocol(what: string, values?: Record<string, string>): AppError {
  const answer = formatMessage({ key: `validation:kustomer.answers.${what}`, values })
  return new AppError('PROVIDER_PROTOCOL', t('validation:kustomer.protocol', { what: answer }))
}

/** `data.attributes.<key>`, or `data.<key>` (the shorter form some Kustomer docs show). */
function dataField(data: Record<string, unknown>, key: string): unknown {
  const attributes = data['attributes']
  if (isObject(attributes) && key in attributes) return attributes[key]
  return data[key]
}

/** Submit answer (201): `{ data: { type: 'bulk', id, attributes: { status: 'queued' } } }` → the bulk id. */
export function parseSubmitResponse(body: unknown): string {
  const data = isObject(body) ? body['data'] : undefined
  if (!isObject(data) || typeof data['id'] !== 'string' || data['id'] === '') {
    throw protocol('withoutBulkId')
  }
  return data['id']
}

const STATUSES: readonly string[] = ['queued', 'running', 'complete']

/**
 * `GET /v1/bulk/{id}`. The field names (`status`, `batches.complete`, `batches.total`) are documented;
 * the envelope (`data.attributes`) is a guess from Kustomer's JSON:API style (providers.md marks it
 * [G]), so the bare `data.status` form is accepted too. The sandbox emits the `attributes` form.
 */
export function parseBulkProgress(body: unknown): BulkProgress {
  const data = isObject(body) ? body['data'] : undefined
  const status = isObject(data) ? dataField(data, 'status') : undefined
  if (!isObject(data) || typeof status !== 'string' || !STATUSES.includes(status)) {
    throw protocol('bulkStatus')
  }
  const batches = dataField(data, 'batches')
  const count = (key: string) => {
    const n = isObject(batches) ? batches[key] : undefined
    return typeof n === 'number' && Number.isFinite(n) ? n : 0
  }
  return { status: status as BulkStatus, batchesComplete: count('complete'), batchesTotal: count('total') }
}

/** Kustomer's per-item `error` is documented as text; an object is read for its message just in case. */
function errorText(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') return error.trim()
  if (isObject(error)) {
    for (const key of ['detail', 'message', 'title']) {
      const text = error[key]
      if (typeof text === 'string' && text.trim() !== '') return text.trim()
    }
  }
  return t('validation:kustomer.noReason')
}

/** The message shown for a row Kustomer refused (its reason kept as it said it), with what to do. */
export function refusedMessage(reason: string): string {
  return /duplicate/i.test(reason)
    ? t('validation:kustomer.refusedDuplicate', { reason })
    : t('validation:kustomer.refused', { reason })
}

/**
 * A row's outcome as Kustomer reported it. `duplicate` marks a create refused because a customer with
 * the same External ID exists: Kustomer has no upsert, so that row is updated instead.
 */
export interface KustomerOutcome extends RowOutcome {
  duplicate?: true
}

const DUPLICATE = /duplicate/i

/** What a lookup needs to know about a customer already in Kustomer. */
export interface FoundCustomer {
  id: string
  externalId?: string
  /** Its email addresses, lower-cased (Crosswalk matches emails without regard to case). */
  emails: string[]
}

function foundCustomer(data: unknown): FoundCustomer {
  const id = isObject(data) ? data['id'] : undefined
  if (!isObject(data) || typeof id !== 'string' || id === '') throw protocol('customerWithoutId')
  const attributes = isObject(data['attributes']) ? data['attributes'] : {}
  const found: FoundCustomer = { id, emails: [] }
  const externalId = attributes['externalId']
  if (typeof externalId === 'string' && externalId !== '') found.externalId = externalId
  const emails = attributes['emails']
  if (Array.isArray(emails)) {
    for (const entry of emails) {
      const email = isObject(entry) ? entry['email'] : undefined
      if (typeof email === 'string' && email !== '') found.emails.push(email.toLowerCase())
    }
  }
  return found
}

/** `GET /v1/customers/externalId=…` or `/email=…` → `{ data: { type: 'customer', id, attributes } }`. */
export function parseFoundCustomer(body: unknown): FoundCustomer {
  return foundCustomer(isObject(body) ? body['data'] : undefined)
}

/** The Kustomer id in a lookup's answer. */
export function parseCustomerId(body: unknown): string {
  return parseFoundCustomer(body).id
}

export interface CustomerPage {
  customers: FoundCustomer[]
  /** Whether the answer links a next page (`links.next`, JSON:API style). */
  linksNext: boolean
}

/**
 * One page of `GET /v1/customers?page=&pageSize=`. Kustomer's list endpoint is not in our documents
 * (providers.md lists only the lookups); `{ data: [customer…], links: { next } }` is the JSON:API form
 * of its other answers [I].
 */
export function parseCustomerPage(body: unknown): CustomerPage {
  const list = isObject(body) ? body['data'] : undefined
  if (!Array.isArray(list)) throw protocol('customerPage')
  const links = isObject(body) ? body['links'] : undefined
  const next = isObject(links) ? links['next'] : undefined
  return { customers: list.map(foundCustomer), linksNext: typeof next === 'string' && next !== '' }
}

/**
 * `GET /v1/bulk/{id}/batches` → one outcome per `results[]` entry, matched to rows by `_clientRef`.
 * Accepts `{ data: [{ attributes: {...} }] }` (what the sandbox sends) and the flat array form shown
 * in providers.md. Rows Kustomer left out are the caller's to account for.
 */
export function parseBatchResults(body: unknown): KustomerOutcome[] {
  const list = isObject(body) ? body['data'] : body
  if (!Array.isArray(list)) throw protocol('bulkResults')
  const outcomes: KustomerOutcome[] = []
  for (const batch of list) {
    const attributes = isObject(batch) && isObject(batch['attributes']) ? batch['attributes'] : batch
    if (!isObject(attributes)) throw protocol('bulkResults')
    const results = attributes['results'] ?? []
    if (!Array.isArray(results)) throw protocol('bulkResults')
    for (const result of results) {
      if (!isObject(result) || typeof result['_clientRef'] !== 'string') throw protocol('bulkResult')
      const row = rowForClientRef(result['_clientRef'])
      if (row === null) throw protocol('resultForUnsentRow', { reference: result['_clientRef'] })
      const status = result['status']
      const objectId = result['objectId']
      if ((status === 'created' || status === 'updated') && typeof objectId === 'string') {
        outcomes.push({ row, status, id: objectId })
      } else if (status === 'error') {
        const reason = errorText(result['error'])
        const outcome: KustomerOutcome = { row, status: 'failed', message: refusedMessage(reason) }
        outcomes.push(DUPLICATE.test(reason) ? { ...outcome, duplicate: true } : outcome)
      } else {
        throw protocol('bulkResult')
      }
    }
  }
  return outcomes
}

/**
 * Kustomer's synchronous error body (JSON:API style, `{ errors: [{ status, title, detail }] }`; the
 * exact shape is not documented) → one sentence, or null when the body says nothing readable.
 */
export function errorBodyMessage(body: unknown): string | null {
  const errors = isObject(body) ? body['errors'] : undefined
  if (!Array.isArray(errors)) {
    const message = isObject(body) ? body['message'] : undefined
    return typeof message === 'string' && message.trim() !== '' ? message.trim() : null
  }
  const texts = errors
    .map((error) => (isObject(error) ? (error['detail'] ?? error['title'] ?? error['code']) : error))
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .map((text) => text.trim())
  return texts.length > 0 ? [...new Set(texts)].join('; ') : null
}
