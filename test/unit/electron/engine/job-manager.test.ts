import { describe, expect, it } from 'vitest'
import { AppError } from '#shared/errors.ts'
import type { JobEvent } from '#shared/jobs.ts'
import { JobManager, throwIfCancelled } from '../../../../electron/engine/jobs/job-manager.ts'

function collect() {
  const events: JobEvent[] = []
  let resolveTerminal: () => void = () => {}
  const terminal = new Promise<void>((resolve) => (resolveTerminal = resolve))
  const listener = (event: JobEvent) => {
    events.push(event)
    if (event.type === 'completed' || event.type === 'failed' || event.type === 'cancelled') resolveTerminal()
  }
  return { events, listener, terminal }
}

const uploadResult = {
  kind: 'upload' as const,
  totals: { rows: 0, created: 0, updated: 0, skipped: 0, failed: 0 },
}

describe('JobManager', () => {
  it('emits started, throttled progress and one completed event', async () => {
    let clock = 0
    const jobs = new JobManager(() => clock)
    const { events, listener, terminal } = collect()
    const jobId = jobs.start('upload', listener, async (ctx) => {
      for (let done = 1; done <= 10; done++) {
        clock += 30 // 300 ms of work in 10 steps: at most one event per 100 ms, plus the final one
        ctx.progress({ done, total: 10, unit: 'rows' })
      }
      return uploadResult
    })
    await terminal
    expect(events[0]).toEqual({ type: 'started', jobId, kind: 'upload' })
    const progress = events.filter((event) => event.type === 'progress')
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress.length).toBeLessThanOrEqual(4)
    expect(progress.at(-1)).toMatchObject({ done: 10, total: 10, etaSeconds: 0 })
    expect(events.at(-1)).toEqual({ type: 'completed', jobId, result: uploadResult })
    expect(events.filter((event) => event.type === 'completed')).toHaveLength(1)
  })

  it('turns an AppError into a failed event with its message', async () => {
    const jobs = new JobManager()
    const { events, listener, terminal } = collect()
    jobs.start('ingest', listener, async () => {
      throw new AppError('FILE_EMPTY', '"a.csv" is empty.')
    })
    await terminal
    expect(events.at(-1)).toMatchObject({
      type: 'failed',
      kind: 'ingest',
      error: { code: 'FILE_EMPTY', message: '"a.csv" is empty.' },
    })
  })

  it('hides the details of unexpected errors', async () => {
    const jobs = new JobManager()
    const { events, listener, terminal } = collect()
    const originalError = console.error
    console.error = () => {}
    jobs.start('ingest', listener, async () => {
      throw new TypeError('cannot read properties of undefined (reading "x") at /src/secret.ts')
    })
    await terminal
    console.error = originalError
    const last = events.at(-1)
    expect(last).toMatchObject({ type: 'failed', error: { code: 'INTERNAL' } })
    expect(JSON.stringify(last)).not.toMatch(/secret|undefined/)
  })

  it('cancels by id and reports cancelled, once', async () => {
    const jobs = new JobManager()
    const { events, listener, terminal } = collect()
    const jobId = jobs.start('upload', listener, (ctx) => {
      return new Promise((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => {
          try {
            throwIfCancelled(ctx.signal)
          } catch (error) {
            reject(error)
          }
        })
      })
    })
    expect(jobs.cancel(jobId)).toBe(true)
    await terminal
    expect(events.map((event) => event.type)).toEqual(['started', 'cancelled'])
    expect(jobs.cancel(jobId)).toBe(false)
  })

  it('keeps running when a listener throws', async () => {
    const jobs = new JobManager()
    const seen: string[] = []
    let done: () => void = () => {}
    const finished = new Promise<void>((resolve) => (done = resolve))
    const originalError = console.error
    console.error = () => {}
    jobs.start(
      'upload',
      (event) => {
        seen.push(event.type)
        if (event.type === 'completed') done()
        throw new Error('window closed')
      },
      async () => uploadResult,
    )
    await finished
    console.error = originalError
    expect(seen).toEqual(['started', 'completed'])
  })
})
