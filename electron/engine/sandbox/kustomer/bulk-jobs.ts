import type { CustomerStore } from './customer-store.ts'
import { newObjectId } from './customer-store.ts'
import { checkCustomer } from './validate-customer.ts'

// Kustomer processes bulk requests asynchronously: the submit answers 201 with a job that moves
// queued → running → complete, and the per-item outcome is read from the job's batches afterwards.
// The sandbox processes a job as one batch (Kustomer does not document how it batches internally);
// items are applied in order at completion, so a duplicate externalId is caught both against stored
// customers and against an earlier item of the same request.

export type BulkOperation = 'create' | 'update'
export type BulkJobStatus = 'queued' | 'running' | 'complete'

export interface ItemResult {
  _clientRef?: string
  objectId?: string
  status: 'created' | 'updated' | 'error'
  error?: string
}

export interface BulkJob {
  id: string
  operation: BulkOperation
  status: BulkJobStatus
  createdAt: string
  updatedAt: string
  completedAt?: string
  items: unknown[]
  clientRefs: boolean
  results: ItemResult[]
}

export const DUPLICATE = 'duplicate detected'

export class BulkJobs {
  private readonly jobs = new Map<string, BulkJob>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly store: CustomerStore
  private readonly processingDelayMs: number

  constructor(store: CustomerStore, processingDelayMs: number) {
    this.store = store
    this.processingDelayMs = processingDelayMs
  }

  get(id: string): BulkJob | undefined {
    return this.jobs.get(id)
  }

  submit(operation: BulkOperation, items: unknown[], clientRefs: boolean): BulkJob {
    const now = new Date().toISOString()
    const job: BulkJob = {
      id: newObjectId(),
      operation,
      status: 'queued',
      createdAt: now,
      updatedAt: now,
      items,
      clientRefs,
      results: [],
    }
    this.jobs.set(job.id, job)
    this.later(this.processingDelayMs / 2, () => this.setStatus(job, 'running'))
    this.later(this.processingDelayMs, () => this.process(job))
    return job
  }

  /** Stops pending jobs (the sandbox is closing); they never complete. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  private setStatus(job: BulkJob, status: BulkJobStatus): void {
    job.status = status
    job.updatedAt = new Date().toISOString()
  }

  private process(job: BulkJob): void {
    job.results = job.items.map((item) => this.apply(job.operation, item))
    if (!job.clientRefs) for (const result of job.results) delete result._clientRef
    job.completedAt = new Date().toISOString()
    this.setStatus(job, 'complete')
  }

  private apply(operation: BulkOperation, item: unknown): ItemResult {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>
    const { _clientRef, id, ...attributes } = record
    const base: ItemResult = { status: 'error' }
    if (typeof _clientRef === 'string') base._clientRef = _clientRef
    const fail = (error: string): ItemResult => ({ ...base, status: 'error', error })

    const problem = checkCustomer(item)
    if (problem) return fail(problem)
    const externalId = typeof attributes['externalId'] === 'string' ? attributes['externalId'] : undefined

    if (operation === 'create') {
      if (id !== undefined) return fail('id: must not be set when creating a customer; use PUT to update')
      if (externalId && this.store.externalIdTaken(externalId)) return fail(DUPLICATE)
      const customer = this.store.create(attributes)
      return { ...base, status: 'created', objectId: customer.id }
    }
    if (typeof id !== 'string' || id === '') return fail('id: is required to update a customer')
    if (!this.store.get(id)) return fail(`id: no customer with id ${JSON.stringify(id)}`)
    if (externalId && this.store.externalIdTaken(externalId, id)) return fail(DUPLICATE)
    this.store.update(id, attributes)
    return { ...base, status: 'updated', objectId: id }
  }
}
