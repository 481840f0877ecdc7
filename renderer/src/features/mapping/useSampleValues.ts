import type { DatasetSummary } from '#shared/jobs.ts'
import { useSampleRows } from './useSampleRows.ts'

const SHOWN_ROWS = 20

/** The first non-empty value of each column among the first rows, to show next to the column's name. */
export function useSampleValues(dataset: DatasetSummary | null): string[] {
  const rows = useSampleRows(dataset).slice(0, SHOWN_ROWS)
  if (!dataset || rows.length === 0) return []
  return dataset.headers.map((_, column) => {
    const value = rows.map((row) => row[column]?.trim() ?? '').find((cell) => cell !== '') ?? ''
    return value.length > 40 ? `${value.slice(0, 39)}…` : value
  })
}
