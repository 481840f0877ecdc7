import { randomUUID } from 'node:crypto'
import { AppError, toSerializedError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { JobId } from '#shared/ids.ts'
import type { JobEvent, JobKind, JobResult } from '#shared/jobs.ts'
import { PauseGate } from './pause-gate.ts'

export type JobListener = (event: JobEvent) => void

export interface ProgressUpdate {
  done: number
  total: number | null
  unit: 'bytes' | 'rows'
  rowsSoFar?: number
}

export interface JobContext {
  jobId: JobId
  signal: AbortSignal
  /** Cheap to call as often as you like: events go out at most ten times a second. */
  progress(update: ProgressUpdate): void
  /** Resolves at once unless the job is paused; then when it is continued or cancelled. */
  whilePaused(): Promise<void>
  /** The job pauses itself (it holds at its next `whilePaused()`), telling the person why. */
  pause(reason: string): void
}

export type JobRunner = (ctx: JobContext) => Promise<JobResult>

const PROGRESS_INTERVAL_MS = 100

interface RunningJob {
  kind: JobKind
  controller: AbortController
  gate: PauseGate
  emit: JobListener
}

/**
 * Long work is a job: `start` returns an id at once, progress arrives as throttled events, and exactly
 * one terminal event (completed, failed or cancelled) follows, whatever the runner does.
 */
export class JobManager {
  private readonly running = new Map<JobId, RunningJob>()

  private readonly now: () => number

  constructor(now: () => number = Date.now) {
    this.now = now
  }

  start(kind: JobKind, listener: JobListener, run: JobRunner): JobId {
    const jobId = randomUUID() as JobId
    const controller = new AbortController()
    const emit = safeListener(listener)
    const gate = new PauseGate(this.now)
    this.running.set(jobId, { kind, controller, gate, emit })
    emit({ type: 'started', jobId, kind })

    const startedAt = this.now()
    let lastSentAt = 0
    const progress = ({ done, total, unit, rowsSoFar }: ProgressUpdate) => {
      const now = this.now()
      const finished = total !== null && done >= total
      if (!finished && now - lastSentAt < PROGRESS_INTERVAL_MS) return
      lastSentAt = now
      const seconds = Math.max((now - startedAt - gate.pausedMs) / 1000, 0.001)
      const ratePerSecond = done / seconds
      const etaSeconds =
        total !== null && ratePerSecond > 0 ? Math.max(total - done, 0) / ratePerSecond : null
      const rows = rowsSoFar === undefined ? {} : { rowsSoFar }
      emit({ type: 'progress', jobId, kind, done, total, unit, ...rows, ratePerSecond, etaSeconds })
    }

    // The runner starts on a later tick so the caller has the id before any terminal event; a job
    // cancelled before that never runs.
    void Promise.resolve()
      .then(() => {
        throwIfCancelled(controller.signal)
        const whilePaused = () => gate.whileClosed(controller.signal)
        const pause = (reason: string) => {
          if (gate.close()) emit({ type: 'paused', jobId, kind, reason })
        }
        return run({ jobId, signal: controller.signal, progress, whilePaused, pause })
      })
      .then(
        (result) => {
          this.running.delete(jobId)
          emit({ type: 'completed', jobId, result })
        },
        (error: unknown) => {
          this.running.delete(jobId)
          if (controller.signal.aborted || (error instanceof AppError && error.code === 'JOB_CANCELLED')) {
            emit({ type: 'cancelled', jobId, kind })
          } else {
            if (!(error instanceof AppError)) console.error(`[job ${kind}] unexpected failure`, error)
            emit({ type: 'failed', jobId, kind, error: toSerializedError(error) })
          }
        },
      )
    return jobId
  }

  /** Returns false when the job is unknown or already over. */
  cancel(jobId: JobId): boolean {
    const job = this.running.get(jobId)
    if (!job) return false
    job.controller.abort()
    return true
  }

  /** Holds the job at its next `whilePaused()`; false when it is unknown, over or already paused. */
  pause(jobId: JobId): boolean {
    const job = this.running.get(jobId)
    if (!job || job.controller.signal.aborted || !job.gate.close()) return false
    job.emit({ type: 'paused', jobId, kind: job.kind })
    return true
  }

  /** Lets a paused job go on; false when it is unknown, over or not paused. */
  continue(jobId: JobId): boolean {
    const job = this.running.get(jobId)
    if (!job || !job.gate.open()) return false
    job.emit({ type: 'continued', jobId, kind: job.kind })
    return true
  }

  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort()
  }
}

/** A listener that throws (e.g. a closed window) must not take the job down with it. */
function safeListener(listener: JobListener): JobListener {
  return (event) => {
    try {
      listener(event)
    } catch (error) {
      console.error('[jobs] event listener failed', error)
    }
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED', t('engine:jobs.cancelled'))
}
