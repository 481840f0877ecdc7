import type { BulkJob } from './bulk-jobs.ts'
import type { StoredCustomer } from './customer-store.ts'

// Response bodies in Kustomer's JSON:API style. The error envelope is not documented by Kustomer;
// `{ errors: [{ status, code, title, detail }] }` is JSON:API's and what the transport reads.

export interface SandboxResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
}

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

export function customerResource(customer: StoredCustomer): unknown {
  return {
    data: {
      type: 'customer',
      id: customer.id,
      attributes: { ...customer.attributes, createdAt: customer.createdAt, updatedAt: customer.updatedAt },
      links: { self: `/v1/customers/${customer.id}` },
    },
  }
}
