import type { BulkJobs } from './bulk-jobs.ts'
import type { CustomerStore } from './customer-store.ts'
import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import { batchesResource, bulkResource, customerPage, customerResource, errorResponse } from './json-api.ts'
import { checkBulkRequest } from './validate-request.ts'

// The sandbox's routes, as a function from an authenticated, rate-counted request to a response.
// HTTP plumbing (auth, body size, rate limit headers) is in server.ts.

const BULK_JOB = /^\/v1\/bulk\/([^/]+)$/
const BULK_BATCHES = /^\/v1\/bulk\/([^/]+)\/batches$/
const BY_EXTERNAL_ID = /^\/v1\/customers\/externalId=(.+)$/
const BY_EMAIL = /^\/v1\/customers\/email=(.+)$/
const BY_ID = /^\/v1\/customers\/([0-9a-f]{24})$/

export function route(request: SandboxRequest, store: CustomerStore, jobs: BulkJobs): SandboxResponse {
  const { method, path } = request
  if (path === '/v1/customers/bulk' && (method === 'POST' || method === 'PUT')) {
    const checked = checkBulkRequest(request.body)
    if (!checked.ok) return errorResponse(400, checked.detail)
    const job = jobs.submit(method === 'POST' ? 'create' : 'update', checked.items, checked.clientRefs)
    return { status: 201, body: bulkResource(job) }
  }
  if (method !== 'GET') return notFound(method, path)
  if (path === '/v1/customers') return { status: 200, body: customerPage(store, request.query) }

  const batches = BULK_BATCHES.exec(path)
  const jobMatch = batches ?? BULK_JOB.exec(path)
  if (jobMatch) {
    const job = jobs.get(decode(jobMatch[1] ?? ''))
    if (!job) return errorResponse(404, `There is no bulk operation with id "${jobMatch[1]}".`)
    return { status: 200, body: batches ? batchesResource(job) : bulkResource(job) }
  }
  const byExternalId = BY_EXTERNAL_ID.exec(path)
  if (byExternalId) {
    const externalId = decode(byExternalId[1] ?? '')
    const customer = store.findByExternalId(externalId)
    if (!customer) return errorResponse(404, `There is no customer with externalId "${externalId}".`)
    return { status: 200, body: customerResource(customer) }
  }
  const byEmail = BY_EMAIL.exec(path)
  if (byEmail) {
    const email = decode(byEmail[1] ?? '')
    const customer = store.findByEmail(email)
    if (!customer) return errorResponse(404, `There is no customer with email "${email}".`)
    return { status: 200, body: customerResource(customer) }
  }
  const byId = BY_ID.exec(path)
  if (byId) {
    const customer = store.get(byId[1] ?? '')
    if (!customer) return errorResponse(404, `There is no customer with id "${byId[1]}".`)
    return { status: 200, body: customerResource(customer) }
  }
  return notFound(method, path)
}

function notFound(method: string, path: string): SandboxResponse {
  return errorResponse(404, `The Kustomer sandbox has no route ${method} ${path}.`)
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
