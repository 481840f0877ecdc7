import { useEffect, useState } from 'react'
import type { DatasetSummary } from '#shared/jobs.ts'
import { api, unwrap } from '../../lib/ipc.ts'

const SAMPLE_ROWS = 20

/** The first non-empty value of each column among the first rows, to show next to the column's name. */
export function useSampleValues(dataset: DatasetSummary | null): string[] {
  const [samples, setSamples] = useState<string[]>([])
  useEffect(() => {
    if (!dataset) return
    let current = true
    unwrap(
      api.dataset.rows({ datasetId: dataset.datasetId, offset: 0, limit: SAMPLE_ROWS, filter: 'all' }),
    ).then(
      (page) => {
        if (!current) return
        setSamples(
          dataset.headers.map((_, column) => {
            const value =
              page.rows.map((row) => row.cells[column]?.trim() ?? '').find((cell) => cell !== '') ?? ''
            return value.length > 40 ? `${value.slice(0, 39)}…` : value
          }),
        )
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [dataset])
  return samples
}
