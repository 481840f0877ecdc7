import type { BulkJob } from './bulk-jobs.ts'
import type { SandboxResponse } from '../loopback-server.ts'
import type { CustomerStore, StoredCustomer } from './customer-store.ts'

// Response bodies in Kustomer's JSON:API style. The error envelope is not documented by Kustomer;
// `{ errors: [{ status, code, title, detail }] }` is JSON:API's and what the transport reads.

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

export function errorResponse(
  status: number,
  detail: string,
  headers?: Record<string, string>,
): SandboxResponse {
  const title = TITLES[status] ?? 'Error'
  const code = title.toLowerCase().replaceAll(' ', '_')
  return { status, body: { errors: [{ status: String(status), code, title, detail }] }, headers }
}

export function bulkResource(job: BulkJob): unknown {
  return {
    data: {
      type: 'bulk',
      id: job.id,
      attributes: {
        context: 'customers',
        status: job.status,
        completed: job.status === 'complete',
        batches: { complete: job.status === 'complete' ? 1 : 0, total: 1 },
        createdAt: job.createdAt,
        updatedAt: job.updatedAt,
      },
      links: { self: `/v1/bulk/${job.id}` },
    },
  }
}

export function batchesResource(job: BulkJob): unknown {
  const failures = job.results.filter((result) => result.status === 'error')
  return {
    data: [
      {
        type: 'bulk_batch',
        id: `${job.id}-1`,
        attributes: {
          status: job.status,
          successCount: job.results.length - failures.length,
          failureCount: failures.length,
          objectIds: job.results.flatMap((result) => (result.objectId ? [result.objectId] : [])),
          completedAt: job.completedAt ?? null,
          errors: failures.map((failure) =>
            failure._clientRef ? `${failure._clientRef}: ${failure.error}` : (failure.error ?? ''),
          ),
          // Kustomer returns `results` only when the request used `_clientRef`.
          ...(job.clientRefs ? { results: job.results } : {}),
        },
      },
    ],
  }
}

/** `GET /v1/customers?page=&pageSize=` (Kustomer pages from 1; page size 1..100, default 100). */
export function customerPage(store: CustomerStore, query: URLSearchParams): unknown {
  const pageSize = Math.min(100, Math.max(1, Number(query.get('pageSize')) || 100))
  const page = Math.max(1, Number(query.get('page')) || 1)
  const all = store.all()
  const items = all.slice((page - 1) * pageSize, page * pageSize)
  return {
    data: items.map((customer) => customerData(customer)),
    meta: { pageSize, page, totalPages: Math.ceil(all.length / pageSize) },
    links: {
      self: `/v1/customers?page=${page}&pageSize=${pageSize}`,
      // JSON:API style, like Kustomer's other answers: null on the last page.
      next: page * pageSize < all.length ? `/v1/customers?page=${page + 1}&pageSize=${pageSize}` : null,
    },
  }
}

export function customerResource(customer: StoredCustomer): unknown {
  return { data: customerData(customer) }
}

function customerData(customer: StoredCustomer): unknown {
  return {
    type: 'customer',
    id: customer.id,
    attributes: { ...customer.attributes, createdAt: customer.createdAt, updatedAt: customer.updatedAt },
    links: { self: `/v1/customers/${customer.id}` },
  }
}
