import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import type { CustomerStore, StoredCustomer } from './customer-store.ts'
import { errorResponse } from './responses.ts'
import { customerProblem } from './validate-customer.ts'

// The sandbox's routes, from an authenticated, rate-counted request to a response. HTTP plumbing
// (Basic auth, body size, rate limit) is in server.ts.

/** Not documented [G]; providers.md advises ≤100 and the sandbox refuses more, so clients keep to it. */
export const MAX_BATCH_ITEMS = 100
/** `limit` of the customer search when none is given, and its cap [G]. */
const DEFAULT_SEARCH_LIMIT = 20
const MAX_SEARCH_LIMIT = 100
/** The documented search filters that the sandbox implements (custom_fields filters are not). */
const SEARCH_FILTERS = ['identifier', 'email', 'phone_number', 'nip']
const BY_ID = /^\/api\/customers\/(\d+)$/

export function route(request: SandboxRequest, store: CustomerStore): SandboxResponse {
  const { method, path } = request
  if (path === '/api/batch/customers' && (method === 'POST' || method === 'PUT')) {
    return batch(request.body, method === 'POST' ? 'create' : 'update', store)
  }
  if (method === 'GET' && path === '/api/customers') return search(request.query, store)
  const byId = BY_ID.exec(path)
  if (method === 'GET' && byId) {
    const customer = store.get(byId[1] ?? '')
    return customer ? { status: 200, body: view(customer) } : errorResponse(404, 'Customer not found.')
  }
  return errorResponse(404, `Not found: ${method} ${path}.`)
}

/**
 * The documented answer: HTTP 200 (the doc's PHP sample treats only 200 as success) with an object
 * keyed by position in `customers`. Create: 201 + customer_id, or 400 + message per customer.
 * Update's answer is not shown [G]: 200 + customer_id, 400 + message, or 404 for an unknown id.
 */
function batch(text: string, mode: 'create' | 'update', store: CustomerStore): SandboxResponse {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return errorResponse(400, 'Request body must be valid JSON.')
  }
  const customers =
    typeof body === 'object' && body !== null ? (body as { customers?: unknown }).customers : undefined
  if (!Array.isArray(customers) || customers.length === 0) {
    return errorResponse(400, 'Parameter customers is required and must be a non-empty list.')
  }
  if (customers.length > MAX_BATCH_ITEMS) {
    return errorResponse(
      400,
      `Too many customers: ${customers.length}. The limit is ${MAX_BATCH_ITEMS} per request.`,
    )
  }
  const results: Record<string, unknown> = {}
  customers.forEach((customer: unknown, index) => {
    const problem = customerProblem(customer, mode)
    if (problem) {
      results[String(index)] = { http_status: 400, message: problem }
      return
    }
    const data = customer as Record<string, unknown>
    if (mode === 'create') {
      results[String(index)] = { http_status: 201, customer_id: store.create(data).customer_id }
      return
    }
    const updated = store.update(String(data['customer_id']), data)
    results[String(index)] = updated
      ? { http_status: 200, customer_id: updated.customer_id }
      : { http_status: 404, message: 'Customer not found.' }
  })
  return { status: 200, body: results }
}

function search(query: URLSearchParams, store: CustomerStore): SandboxResponse {
  const limitText = query.get('limit')
  const limit = limitText === null ? DEFAULT_SEARCH_LIMIT : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1)
    return errorResponse(400, 'Parameter limit must be a positive number.')
  const filters: Record<string, string> = {}
  for (const key of SEARCH_FILTERS) {
    const value = query.get(key)
    if (value !== null) filters[key] = value
  }
  const found = store.search(filters).slice(0, Math.min(limit, MAX_SEARCH_LIMIT))
  return { status: 200, body: found.map(view) }
}

/** A customer as the API shows it: its id first, then what it was given. */
function view(customer: StoredCustomer): unknown {
  return { customer_id: customer.customer_id, ...customer.data }
}
