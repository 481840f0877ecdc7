import type { DatasetId } from '#shared/ids.ts'
import type { DatasetSummary } from '#shared/jobs.ts'

/** A dataset as the engine describes it after reading a small UTF-8 CSV; override what a test needs. */
export function makeDatasetSummary(overrides: Partial<DatasetSummary> = {}): DatasetSummary {
  return {
    datasetId: 'd1' as DatasetId,
    fileName: 'customers.csv',
    format: 'csv',
    encoding: 'UTF-8',
    encodingLabel: 'utf-8',
    delimiter: ',',
    headerRow: 1,
    headers: ['Full name', 'Email', 'Loyalty tier'],
    rowCount: 2,
    emptyRowsSkipped: 0,
    raggedRows: [],
    notices: [],
    ...overrides,
  }
}
