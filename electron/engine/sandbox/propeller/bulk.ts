import { randomUUID } from 'node:crypto'
import type { SandboxResponse } from '../loopback-server.ts'
import type { CustomerFields, CustomerStore, StoredCustomer } from './customer-store.ts'
import { propellerError, schemaError } from './responses.ts'
import { customerViolation, envelopeViolation, type LookupKey } from './validate-body.ts'

// `POST /v2/customers/bulk/sourceId` (seed 002) and `POST /v2/customers/bulk/id` (providers.md §3,
// bulk-customers-by-id): the body is schema-checked as a whole first, and one violation rejects the
// entire request with 10007 (nothing is saved) [I]. A valid body is upserted item by item and
// answered `{ data: [{ action, id, key, lookupKey, success }], messages, total }`; `key` is the
// lookup value as sent (the sourceId string, or the id number as in the by-id example [C]).
//
// Both endpoints document "If a customer doesn't already exist, it will be created" [C]. By id, the
// new customer gets an id of Propeller's choosing, not the one sent: Propeller numbers customers
// itself and documents no way to pick an id [I]. The answer's `id` is the new one, `key` the sent one.
//
// Directives [C]: `skipIfNotEmpty` keeps the listed fields of an existing customer that already have a
// value; `skipCreate` makes the request update-only. What Propeller answers for an item skipCreate
// leaves alone is not documented; the sandbox answers `success: false` with the "not found" error of
// Propeller's bulk-links example (`Customer with id [19815] not found`) [I].
//
// On update, the fields sent replace the stored ones and `addresses`, when sent, replace the stored
// list: Propeller does not document how addresses merge, and replacing is what a repeated upload of
// the same file expects [G]. By id, an item whose source + sourceId belong to ANOTHER customer is
// refused (`success: false`) rather than silently giving two customers the same key [G].

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

/** The fields an update may change: all sent ones, except those `skipIfNotEmpty` protects. */
function changesFor(
  customer: CustomerFields,
  existing: StoredCustomer,
  directives: Directives,
): CustomerFields {
  return Object.fromEntries(
    Object.entries(customer).filter(
      ([field]) => !(directives.keepIfNotEmpty.has(field) && !isEmpty(existing.fields[field])),
    ),
  )
}

/** The customer an item names, by the endpoint's lookup key. */
function findFor(customer: CustomerFields, store: CustomerStore, lookupKey: LookupKey) {
  return lookupKey === 'id' ? store.findById(customer['id'] as number) : store.find(customer)
}

/** By id: another customer already holds the source + sourceId this item would give its customer. */
function sourceKeyTaken(customer: CustomerFields, store: CustomerStore, own: StoredCustomer | undefined) {
  const holder = store.find(customer)
  return holder !== undefined && holder !== own
}

export function bulkUpsert(
  text: string,
  store: CustomerStore,
  maxItems: number,
  lookupKey: LookupKey,
): SandboxResponse {
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
    const violation = customerViolation(customer, `#/customers/${index}`, lookupKey)
    if (violation) return schemaError([violation])
  }
  const directives = readDirectives(request)
  const data = (request.customers as CustomerFields[]).map((customer) => {
    const key = customer[lookupKey] as string | number
    const existing = findFor(customer, store, lookupKey)
    if (existing === undefined && directives.skipCreate) {
      return { key, lookupKey, success: false, error: `Customer with ${lookupKey} [${key}] not found` }
    }
    if (lookupKey === 'id' && sourceKeyTaken(customer, store, existing)) {
      return {
        key,
        lookupKey,
        success: false,
        error: `Another customer already has sourceId [${String(customer['sourceId'])}] in source [${String(customer['source'])}]`,
      }
    }
    if (existing === undefined) {
      const created = store.create(customer)
      return { action: 'create', id: created.id, key, lookupKey, success: true }
    }
    store.update(existing, changesFor(customer, existing, directives))
    return { action: 'update', id: existing.id, key, lookupKey, success: true }
  })
  return {
    status: 200,
    body: { data, messages: ['Completed'], total: data.length },
    headers: { 'x-request-id': randomUUID() },
  }
}
