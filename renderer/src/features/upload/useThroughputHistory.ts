import { useEffect, useState } from 'react'
import { appStore } from '../../store/index.ts'
import type { ProgressSample } from './throughput.ts'

/**
 * Remembers every progress report of the upload with the time it arrived, for the throughput chart.
 * Listens to the store rather than to a rendered value so that each report is one sample even when
 * React batches renders; starting an upload clears the progress, and that starts the history afresh.
 * Kept out of the store itself: only the upload screen needs it, and it ends with the screen.
 */
export function useThroughputHistory(): ProgressSample[] {
  const [samples, setSamples] = useState<ProgressSample[]>([])
  useEffect(() => {
    let startedAt: number | null = null
    return appStore.subscribe((state, previous) => {
      const progress = state.uploadProgress
      if (progress === previous.uploadProgress) return
      if (progress === null) {
        startedAt = null
        setSamples([])
        return
      }
      if (progress.total === 0) return
      const now = performance.now()
      startedAt ??= now
      const sample = { at: now - startedAt, done: progress.done }
      setSamples((earlier) => [...earlier, sample])
    })
  }, [])
  return samples
}
