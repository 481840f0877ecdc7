import type { UploadTotals } from '#shared/jobs.ts'
import type { RowOutcome } from '#shared/providers/types.ts'

/** The per-row account of one upload. Each source row is recorded once; totals always add up to `rows`. */
export class UploadResults {
  private readonly byRow = new Map<number, RowOutcome>()
  private sorted: RowOutcome[] | null = null

  readonly rowCount: number

  constructor(rowCount: number) {
    this.rowCount = rowCount
  }

  record(outcomes: readonly RowOutcome[]): void {
    for (const outcome of outcomes) {
      if (this.byRow.has(outcome.row)) {
        // A second outcome for a row means a bug in a transport; keep the first, never count a row twice.
        console.error(`[upload] row ${outcome.row} reported twice; keeping the first outcome`)
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

  totals(): UploadTotals {
    const totals: UploadTotals = { rows: this.rowCount, created: 0, updated: 0, skipped: 0, failed: 0 }
    for (const { status } of this.byRow.values()) totals[status]++
    return totals
  }

  page(offset: number, limit: number): RowOutcome[] {
    this.sorted ??= [...this.byRow.values()].sort((a, b) => a.row - b.row)
    return this.sorted.slice(offset, offset + limit)
  }
}
