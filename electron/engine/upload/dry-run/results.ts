import type { DryRunTotals, UploadTotals } from '#shared/jobs.ts'
import { RowLedger } from '../upload-results.ts'
import type { DryRunOutcome } from './types.ts'

/** A dry run's per-row account; the five counts always add up to `rowCount`. */
export class DryRunResults extends RowLedger<DryRunOutcome> {
  /** Write requests the real upload would make. */
  requests = 0
  /** Read-only requests made to tell creates from updates. */
  lookups = 0

  constructor(rowCount: number) {
    super(rowCount, (row) => `[dry run] row ${row} planned twice`)
  }

  totals(): DryRunTotals {
    const totals: DryRunTotals = {
      rows: this.rowCount,
      wouldCreate: 0,
      wouldUpdate: 0,
      wouldSend: 0,
      skipped: 0,
      failed: 0,
      requests: this.requests,
      lookups: this.lookups,
    }
    for (const { status } of this.outcomes()) totals[status]++
    return totals
  }

  /** What actually happened at the provider: nothing. Rows that would be sent were not, so they count as skipped. */
  uploadTotals(): UploadTotals {
    const { rows, failed } = this.totals()
    return { rows, created: 0, updated: 0, skipped: rows - failed, failed }
  }
}
