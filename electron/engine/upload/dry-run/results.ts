import type { DryRunTotals, UploadTotals } from '#shared/jobs.ts'
import type { DryRunOutcome } from './types.ts'

/** A dry run's per-row account. Each row is recorded once; the five counts always add up to `rowCount`. */
export class DryRunResults {
  private readonly byRow = new Map<number, DryRunOutcome>()
  private sorted: DryRunOutcome[] | null = null
  readonly rowCount: number
  /** Write requests the real upload would make. */
  requests = 0
  /** Read-only requests made to tell creates from updates. */
  lookups = 0

  constructor(rowCount: number) {
    this.rowCount = rowCount
  }

  record(outcomes: readonly DryRunOutcome[]): void {
    for (const outcome of outcomes) {
      if (this.byRow.has(outcome.row)) {
        console.error(`[dry run] row ${outcome.row} planned twice; keeping the first outcome`)
        continue
      }
      this.byRow.set(outcome.row, outcome)
    }
    this.sorted = null
  }

  has(row: number): boolean {
    return this.byRow.has(row)
  }

  get done(): number {
    return this.byRow.size
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
    for (const { status } of this.byRow.values()) totals[status]++
    return totals
  }

  /** What actually happened at the provider: nothing. Rows that would be sent were not, so they count as skipped. */
  uploadTotals(): UploadTotals {
    const { rows, failed } = this.totals()
    return { rows, created: 0, updated: 0, skipped: rows - failed, failed }
  }

  page(offset: number, limit: number): DryRunOutcome[] {
    this.sorted ??= [...this.byRow.values()].sort((a, b) => a.row - b.row)
    return this.sorted.slice(offset, offset + limit)
  }
}
