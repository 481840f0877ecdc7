import { Worker } from 'node:worker_threads'
import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { FromWorker, ToWorker, WorkerRequests, WorkerRequestType } from './worker-protocol.ts'

interface Pending {
  resolve(value: unknown): void
  reject(error: unknown): void
  onProgress?: (progress: Extract<FromWorker, { kind: 'progress' }>) => void
}

export interface RequestOptions {
  signal?: AbortSignal
  onProgress?: Pending['onProgress']
}

/** The engine's handle on the dataset worker: typed requests, progress and cancellation by request id. */
export class WorkerClient {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private crashed: AppError | null = null
  private closing = false

  constructor(workerPath: string) {
    this.worker = new Worker(workerPath)
    this.worker.on('message', (message: FromWorker) => this.receive(message))
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', (code) => {
      // terminate() ends the worker with code 1; only an exit we did not ask for is a crash.
      if (code !== 0 && !this.closing) this.fail(new Error(`worker exited with code ${code}`))
    })
  }

  request<K extends WorkerRequestType>(
    type: K,
    args: WorkerRequests[K]['args'],
    options: RequestOptions = {},
  ): Promise<WorkerRequests[K]['result']> {
    if (this.crashed) return Promise.reject(this.crashed)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress: options.onProgress })
      this.worker.postMessage({ kind: 'request', id, type, args } as ToWorker)
      options.signal?.addEventListener(
        'abort',
        () => this.worker.postMessage({ kind: 'cancel', id } satisfies ToWorker),
        {
          once: true,
        },
      )
    })
  }

  async close(): Promise<void> {
    this.closing = true
    await this.worker.terminate()
  }

  private receive(message: FromWorker) {
    const pending = this.pending.get(message.id)
    if (!pending) return
    if (message.kind === 'progress') {
      pending.onProgress?.(message)
      return
    }
    this.pending.delete(message.id)
    if (message.kind === 'result') pending.resolve(message.value)
    else pending.reject(new AppError(message.error.code, message.error.message))
  }

  private fail(error: unknown) {
    console.error('[engine] dataset worker crashed', error)
    this.crashed = new AppError('INTERNAL', t('engine:file.workerCrashed'))
    for (const pending of this.pending.values()) pending.reject(this.crashed)
    this.pending.clear()
  }
}
