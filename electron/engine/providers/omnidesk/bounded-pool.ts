import type { RowOutcome } from '#shared/providers/types.ts'
import { UploadStop } from './upsert-row.ts'

// Runs one job per item with at most `limit` in flight and yields the outcomes in small groups as
// they finish (whatever finished since the last group). No new item starts once the job is
// cancelled or one item stopped the upload; the items in flight are let finish, so every row that
// was written gets its outcome, and then the reason for stopping is thrown.

export async function* boundedPool<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<RowOutcome | null>,
): AsyncGenerator<RowOutcome[]> {
  const finished: RowOutcome[] = []
  let running = 0
  let next = 0
  let stop: unknown = undefined
  let stopped = false
  let wake: (() => void) | null = null

  function start(item: T): void {
    running++
    work(item)
      .then(
        (outcome) => {
          if (outcome !== null) finished.push(outcome)
        },
        (error: unknown) => {
          if (error instanceof UploadStop && error.outcome) finished.push(error.outcome)
          if (!stopped) {
            stopped = true
            stop = error instanceof UploadStop ? error.reason : error
          }
        },
      )
      .finally(() => {
        running--
        wake?.()
      })
  }

  for (;;) {
    while (!stopped && !signal.aborted && running < limit && next < items.length) start(items[next++]!)
    if (finished.length === 0) {
      if (running === 0) break
      await new Promise<void>((resolve) => (wake = resolve))
      wake = null
    }
    if (finished.length > 0) yield finished.splice(0, finished.length)
  }
  if (stopped) throw stop
}
