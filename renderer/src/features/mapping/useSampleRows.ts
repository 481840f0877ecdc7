import { useEffect, useState } from 'react'
import type { DatasetSummary } from '#shared/jobs.ts'
import { api, unwrap } from '../../lib/ipc.ts'

/** Enough rows to see a column's kinds of values and preview transforms, few enough to fetch at once. */
export const SAMPLE_ROWS = 50

/**
 * The cells of the file's first rows (with the user's edits), for previews on the mapping screen:
 * sample values next to column names, transforms before and after, the payload a row becomes.
 * Empty until they arrive; a failed read leaves it empty (the previews then simply say nothing).
 */
export function useSampleRows(dataset: DatasetSummary | null): string[][] {
  const [rows, setRows] = useState<string[][]>([])
  useEffect(() => {
    if (!dataset) return
    let current = true
    unwrap(
      api.dataset.rows({ datasetId: dataset.datasetId, offset: 0, limit: SAMPLE_ROWS, filter: 'all' }),
    ).then(
      (page) => {
        if (current) setRows(page.rows.map((row) => row.cells))
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [dataset])
  return rows
}
