import { useEffect, useState } from 'react'
import type { Res } from '#shared/ipc/contract.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import { api, unwrap } from '../../lib/ipc.ts'

export type ColumnStats = Res<'dataset:columnStats'>

/**
 * Fill rate, samples and kind of every column, counted by the engine over the whole file. Null while
 * they are counted or when counting failed: the column list then shows the columns without them.
 */
export function useColumnStats(dataset: DatasetSummary | null): ColumnStats | null {
  const [stats, setStats] = useState<{ datasetId: string; value: ColumnStats } | null>(null)
  useEffect(() => {
    if (!dataset) return
    let current = true
    unwrap(api.dataset.columnStats({ datasetId: dataset.datasetId })).then(
      (value) => {
        if (current) setStats({ datasetId: dataset.datasetId, value })
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [dataset])
  // Stats of another file (the one before) are never shown for this one.
  return stats && dataset && stats.datasetId === dataset.datasetId ? stats.value : null
}
