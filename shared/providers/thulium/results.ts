import { AppError } from '../../errors.ts'
import { formatMessage, t } from '../../i18n/i18n.ts'

// Pure readers of Thulium's answers. The batch answer is documented (seed 003): an object whose keys
// are the positions in `customers`, each `{ http_status, customer_id }` or `{ http_status, message }`.
// Anything that does not look like that throws PROVIDER_PROTOCOL rather than guessing.

export type ItemResult =
  { ok: true; status: number; customerId: string | null } | { ok: false; status: number; message: string }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `what` names the answer: a key of `validation:thulium.answers`. */
function protocol(what: string, values?: Record<string, string>): AppError {
  const answer = formatMessage({ key: `validation:thulium.answers.${what}`, values })
  return new AppError('PROVIDER_PROTOCOL', t('validation:thulium.protocol', { what: answer }))
}

function idText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/**
 * The batch answer → one entry per position `0..count-1`; `undefined` where Thulium said nothing
 * about a position. A key outside `0..count-1` means the answer is not about this request.
 */
export function parseBatchResponse(body: unknown, count: number): (ItemResult | undefined)[] {
  if (!isObject(body)) throw protocol('batch')
  const results: (ItemResult | undefined)[] = Array.from({ length: count }, () => undefined)
  for (const [key, entry] of Object.entries(body)) {
    const index = /^(0|[1-9]\d*)$/.test(key) ? Number(key) : -1
    if (index < 0 || index >= count) throw protocol('resultForUnsentCustomer', { position: key })
    const status = isObject(entry) ? entry['http_status'] : undefined
    if (!isObject(entry) || typeof status !== 'number') throw protocol('resultWithoutStatus')
    if (status >= 200 && status < 300) {
      results[index] = { ok: true, status, customerId: idText(entry['customer_id']) }
    } else {
      const message = entry['message']
      const text = typeof message === 'string' && message.trim() !== '' ? message.trim() : `HTTP ${status}`
      results[index] = { ok: false, status, message: text }
    }
  }
  return results
}

/**
 * `GET /api/customers?…` → the ids of the customers found. The list's envelope is not documented
 * (providers.md); a bare array (what the sandbox sends) and `{ customers | data | items: [...] }`
 * are read, each customer carrying `customer_id` or `id`.
 */
export function parseLookup(body: unknown): string[] {
  const list = Array.isArray(body)
    ? body
    : isObject(body)
      ? (body['customers'] ?? body['data'] ?? body['items'])
      : undefined
  if (!Array.isArray(list)) throw protocol('search')
  return list.map((customer) => {
    const id = isObject(customer) ? idText(customer['customer_id'] ?? customer['id']) : null
    if (id === null) throw protocol('customerWithoutId')
    return id
  })
}

/** A request-level error body (`{ message }`, also read as `error`/`errors`) → its text, or null. */
export function errorBodyMessage(body: unknown): string | null {
  if (typeof body === 'string' && body.trim() !== '') return body.trim()
  if (!isObject(body)) return null
  for (const key of ['message', 'error', 'errors']) {
    const value = body[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    if (Array.isArray(value)) {
      const texts = value.filter((text): text is string => typeof text === 'string' && text.trim() !== '')
      if (texts.length > 0) return texts.join('; ')
    }
  }
  return null
}

/**
 * Hints for the refusals Thulium documents or that follow from its documented rules: what Thulium's
 * reason mentions → the hint's key under `validation:thulium.hints`.
 */
const HINTS: readonly [RegExp, string][] = [
  [/phone/i, 'phone'],
  [/surname/i, 'surname'],
  [/\btype\b/i, 'type'],
  [/group/i, 'group'],
  [/company/i, 'company'],
  [/not found|does not exist/i, 'notFound'],
]

/** The message shown for a row Thulium refused (its reason kept as it said it), with what to do. */
export function refusedMessage(reason: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other'
  return t('validation:thulium.refused', {
    reason: reason.replace(/\.$/, ''),
    hint: formatMessage({ key: `validation:thulium.hints.${hint}` }),
  })
}
