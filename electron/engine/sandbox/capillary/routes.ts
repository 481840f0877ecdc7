import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import type { CustomerStore } from './customer-store.ts'
import { coded, errorEnvelope } from './envelope.ts'
import { associateItem } from './associate.ts'
import { customerView, upsertItem } from './upsert.ts'

// The sandbox's customer routes, for a request that is already authenticated and rate-counted.

export const UPSERT_BULK = '/v2/integrations/customer/upsert/bulk'
export const LOOKUP = '/v2/customers/lookup/customerDetails'
export const ASSOCIATION_BULK = '/v2/bulk'

export const SOURCES = [
  'FACEBOOK',
  'WEB_ENGAGE',
  'WECHAT',
  'INSTORE',
  'MARTJACK',
  'TMALL',
  'TAOBAO',
  'JD',
  'ECOMMERCE',
  'WEBSITE',
  'LINE',
  'MOBILE_APP',
  'ALL',
]
const MULTI_ACCOUNT = ['WECHAT', 'FACEBOOK', 'LINE']

export interface RouteOptions {
  store: CustomerStore
  /** Items per bulk request before 1060 "Batch limit exceeded" (100, like Capillary's sibling APIs [I]). */
  batchLimit: number
}

/** A request refused as a whole: Capillary does not state the HTTP status; 400 is the conservative guess [G]. */
function refused(which: Parameters<typeof coded>[0], detail?: string): SandboxResponse {
  const { code, message } = coded(which, detail)
  return errorEnvelope(400, code, message)
}

/** `source` (and `accountId` for multi-account sources) as the query gives them, or the refusal. */
function scope(query: URLSearchParams, invalid: 'invalidSource' | 'lookupInvalidSource') {
  const source = query.get('source') ?? ''
  const accountId = query.get('accountId') ?? ''
  if (!SOURCES.includes(source)) return refused(invalid, JSON.stringify(source))
  if (MULTI_ACCOUNT.includes(source) && accountId === '') {
    return refused('invalidAccount', `accountId is required for source ${source}`)
  }
  return { source, accountId }
}

/** A bulk body: the JSON array of customers within the batch limit, or the refusal. */
function bulkItems(request: SandboxRequest, options: RouteOptions): unknown[] | SandboxResponse {
  let items: unknown
  try {
    items = JSON.parse(request.body)
  } catch {
    return errorEnvelope(400, 400, 'Request body is not valid JSON') // [G]
  }
  if (!Array.isArray(items)) return errorEnvelope(400, 400, 'Request body must be an array of customers') // [G]
  if (items.length > options.batchLimit)
    return refused('batchLimit', `at most ${options.batchLimit} customers`)
  return items
}

export function route(request: SandboxRequest, options: RouteOptions): SandboxResponse {
  const { method, path, query } = request
  if (method === 'PUT' && path === ASSOCIATION_BULK) {
    const scoped = scope(query, 'invalidSource')
    if ('status' in scoped) return scoped
    const items = bulkItems(request, options)
    if (!Array.isArray(items)) return items
    const context = { store: options.store, ...scoped }
    // The documented answer is a bare array, one customer per item in request order [C].
    return { status: 200, body: items.map((item) => associateItem(item, context)) }
  }
  if (method === 'POST' && path === UPSERT_BULK) {
    const scoped = scope(query, 'invalidSource')
    if ('status' in scoped) return scoped
    const items = bulkItems(request, options)
    if (!Array.isArray(items)) return items
    const context = {
      store: options.store,
      ...scoped,
      changeIdentifiers: query.get('skipChangeIdentifier') !== 'true',
      touched: new Set<number>(),
    }
    const response = items.map((item) => upsertItem(item, context))
    const failureCount = response.filter((element) => element.errors.length > 0).length
    return { status: 200, body: { response, totalCount: response.length, failureCount } }
  }
  if (method === 'GET' && path === LOOKUP) {
    const scoped = scope(query, 'lookupInvalidSource')
    if ('status' in scoped) return scoped
    const type = query.get('identifierName') ?? ''
    const value = query.get('identifierValue') ?? ''
    const [id] = options.store.owners(scoped.source, scoped.accountId, [{ type, value }])
    const customer = id === undefined ? undefined : options.store.get(id)
    if (!customer) return refused('notFound')
    return { status: 200, body: { ...(customerView(customer) as object), warnings: [] } }
  }
  return errorEnvelope(404, 404, `The Capillary sandbox has no route ${method} ${path}`) // [G]
}
