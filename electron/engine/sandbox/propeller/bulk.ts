import { randomUUID } from 'node:crypto'
import type { SandboxResponse } from '../loopback-server.ts'
import type { CustomerFields, CustomerStore } from './customer-store.ts'
import { propellerError, schemaError } from './responses.ts'
import { customerViolation, envelopeViolation } from './validate-body.ts'

// `POST /v2/customers/bulk/sourceId` (seed 002): the body is schema-checked as a whole first, and one
// violation rejects the entire request with 10007 (nothing is saved) [I]. A valid body is upserted
// item by item and answered `{ data: [{ action, id, key, lookupKey, success }], messages, total }`.
//
// Directives [C]: `skipIfNotEmpty` keeps the listed fields of an existing customer that already have a
// value; `skipCreate` makes the request update-only. What Propeller answers for an item skipCreate
// leaves alone is not documented; the sandbox answers `success: false` with the "not found" error of
// Propeller's bulk-links example [I].
//
// On update, the fields sent replace the stored ones and `addresses`, when sent, replace the stored
// list: Propeller does not document how addresses merge, and replacing is what a repeated upload of
// the same file expects [G].

interface Directives {
  skipCreate: boolean
  keepIfNotEmpty: Set<string>
}

function readDirectives(body: Record<string, unknown>): Directives {
  const directives = Array.isArray(body['directives'])
    ? (body['directives'] as Record<string, unknown>[])
    : []
  const keep = new Set<string>()
  let skipCreate = false
  for (const directive of directives) {
    if (directive['operation'] === 'skipCreate') skipCreate = true
    if (directive['operation'] === 'skipIfNotEmpty') {
      for (const field of (directive['fields'] as string[] | undefined) ?? []) keep.add(field)
    }
  }
  return { skipCreate, keepIfNotEmpty: keep }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

export function bulkUpsertBySourceId(text: string, store: CustomerStore, maxItems: number): SandboxResponse {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return propellerError(400, 'InvalidJSONPayload', ['The request body is not valid JSON'], 10005)
  }
  const envelope = envelopeViolation(body, maxItems)
  if (envelope) return schemaError([envelope])
  const request = body as { customers: unknown[] } & Record<string, unknown>
  for (const [index, customer] of request.customers.entries()) {
    const violation = customerViolation(customer, `#/customers/${index}`)
    if (violation) return schemaError([violation])
  }
  const directives = readDirectives(request)
  const data = (request.customers as CustomerFields[]).map((customer) => {
    const key = customer['sourceId'] as string
    const existing = store.find(customer)
    if (existing === undefined) {
      if (directives.skipCreate) {
        return {
          key,
          lookupKey: 'sourceId',
          success: false,
          error: `Customer with sourceId [${key}] not found`,
        }
      }
      const created = store.create(customer)
      return { action: 'create', id: created.id, key, lookupKey: 'sourceId', success: true }
    }
    for (const [field, value] of Object.entries(customer)) {
      if (directives.keepIfNotEmpty.has(field) && !isEmpty(existing.fields[field])) continue
      existing.fields[field] = value
    }
    return { action: 'update', id: existing.id, key, lookupKey: 'sourceId', success: true }
  })
  return {
    status: 200,
    body: { data, messages: ['Completed'], total: data.length },
    headers: { 'x-request-id': randomUUID() },
  }
}
