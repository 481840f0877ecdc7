import { useEffect, useRef, useState } from 'react'
import type { Progress } from '../../store/types.ts'
import type { ProgressSample } from './throughput.ts'

/**
 * Remembers every progress report of the current upload with the time it arrived, for the throughput
 * chart; starts afresh when a new upload starts. Kept here rather than in the store: only the upload
 * screen needs it, and it ends with the screen.
 */
export function useThroughputHistory(progress: Progress | null, jobId: string | null): ProgressSample[] {
  const started = useRef<number | null>(null)
  const [samples, setSamples] = useState<ProgressSample[]>([])
  useEffect(() => {
    started.current = null
    setSamples([])
  }, [jobId])
  useEffect(() => {
    if (progress === null || progress.total === 0) return
    const now = performance.now()
    if (started.current === null) started.current = now
    const at = now - started.current
    setSamples((previous) => [...previous, { at, done: progress.done }])
  }, [progress])
  return samples
}
