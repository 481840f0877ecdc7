import type { SandboxResponse } from '../loopback-server.ts'
import type { StoredCustomer } from './customer-store.ts'

// Omnidesk's answers: errors are `{"status":"error","message":"…"}` (omnidesk.nl blueprint), results
// `{"type":"result","message":"…"}` (seed 004 and the API-sync guide), lists the documented
// `{type, itemStart, itemTotal, itemLimit, items}` envelope.

export function errorResponse(
  status: number,
  message: string,
  headers?: Record<string, string>,
): SandboxResponse {
  return { status, body: { status: 'error', message }, headers }
}

export function resultResponse(message: string): SandboxResponse {
  return { status: 200, body: { type: 'result', message } }
}

export function customerItem(customer: StoredCustomer): Record<string, unknown> {
  return {
    id: customer.id,
    external_primary_id: customer.primaryId,
    brand_name: customer.brandName,
    firstname: customer.firstname,
    lastname: customer.lastname,
    channels: customer.channels.map((channel) => ({ type: channel.type, value: channel.value })),
    custom_fields: { ...customer.custom },
  }
}

export function listResponse(
  customers: readonly StoredCustomer[],
  itemStart: number,
  itemLimit: number,
): SandboxResponse {
  const items = customers.slice(itemStart, itemStart + itemLimit)
  return {
    status: 200,
    body: {
      type: 'result',
      itemStart,
      itemTotal: customers.length,
      itemLimit,
      items: items.map(customerItem),
    },
  }
}
