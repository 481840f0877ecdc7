import type { UploadTotals } from '#shared/jobs.ts'
import type { RowOutcome } from '#shared/providers/types.ts'

/**
 * One outcome per source row, kept once: a second outcome for a row means a bug in whatever reported
 * it, so the first is kept and no row is ever counted twice. Shared by uploads and dry runs.
 */
export class RowLedger<Outcome extends { row: number }> {
  private readonly byRow = new Map<number, Outcome>()
  private sorted: Outcome[] | null = null
  readonly rowCount: number
  /** Says who reported a row twice, in the log: e.g. "[upload] row 7 reported twice". */
  private readonly twice: (row: number) => string

  constructor(rowCount: number, twice: (row: number) => string) {
    this.rowCount = rowCount
    this.twice = twice
  }

  record(outcomes: readonly Outcome[]): void {
    for (const outcome of outcomes) {
      if (this.byRow.has(outcome.row)) {
        console.error(`${this.twice(outcome.row)}; keeping the first outcome`)
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

  protected outcomes(): IterableIterator<Outcome> {
    return this.byRow.values()
  }

  page(offset: number, limit: number): Outcome[] {
    this.sorted ??= [...this.byRow.values()].sort((a, b) => a.row - b.row)
    return this.sorted.slice(offset, offset + limit)
  }
}

/** The per-row account of one upload; totals always add up to `rows`. */
export class UploadResults extends RowLedger<RowOutcome> {
  constructor(rowCount: number) {
    super(rowCount, (row) => `[upload] row ${row} reported twice`)
  }

  totals(): UploadTotals {
    const totals: UploadTotals = { rows: this.rowCount, created: 0, updated: 0, skipped: 0, failed: 0 }
    for (const { status } of this.outcomes()) totals[status]++
    return totals
  }
}
