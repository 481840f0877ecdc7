import type { IssueKind } from '#shared/ipc/contract.ts'
import type { Message } from '#shared/i18n/message.ts'
import type { FieldIssue } from '#shared/providers/types.ts'

/** Row flags (per row index) that validation keeps current. */
export const HAS_ERROR = 1
export const HAS_WARNING = 2

/** The lists kept by flags: the chips' and, for exports, every row with a problem. */
export type FlagFilter = 'errors' | 'valid' | 'warnings' | 'problems'

/** What the lists are built from: each row's flags, and its issues when a kind of problem is asked for. */
export interface ValidatedRows {
  rowFlags: Uint8Array
  issuesOf(index: number): readonly FieldIssue[]
}

/**
 * The row indexes a filter of validated rows shows, so a filtered page is a slice, not a scan: rows with
 * errors, valid rows, rows with warnings, rows with one kind of problem ("Show these rows"). Each list is
 * built when first asked for and kept until an edit changes the rows (`clear`).
 */
export class RowFilters {
  private readonly rows: ValidatedRows
  private byFlags: Record<FlagFilter, Int32Array> | null = null
  private readonly byKind = new Map<string, Int32Array>()

  constructor(rows: ValidatedRows) {
    this.rows = rows
  }

  clear(): void {
    this.byFlags = null
    this.byKind.clear()
  }

  indexes(filter: FlagFilter): Int32Array {
    if (this.byFlags === null) {
      const errors: number[] = []
      const valid: number[] = []
      const warnings: number[] = []
      const problems: number[] = []
      this.rows.rowFlags.forEach((flags, index) => {
        ;((flags & HAS_ERROR) !== 0 ? errors : valid).push(index)
        if ((flags & HAS_WARNING) !== 0) warnings.push(index)
        if (flags !== 0) problems.push(index)
      })
      this.byFlags = {
        errors: Int32Array.from(errors),
        valid: Int32Array.from(valid),
        warnings: Int32Array.from(warnings),
        problems: Int32Array.from(problems),
      }
    }
    return this.byFlags[filter]
  }

  /** The rows with a kind of problem: a pass over the rows with its severity, asking their issues. */
  withIssue(kind: IssueKind): Int32Array {
    const key = JSON.stringify([kind.field, kind.severity, kind.key])
    let indexes = this.byKind.get(key)
    if (indexes === undefined) {
      indexes = Int32Array.from(this.scan(kind, Infinity))
      this.byKind.set(key, indexes)
    }
    return indexes
  }

  /** The first row with a kind of problem and its issue's words, or null when no row has it. */
  firstWithIssue(kind: IssueKind): { index: number; message: Message } | null {
    const index = this.scan(kind, 1)[0]
    return index === undefined
      ? null
      : { index, message: issueOfKind(this.rows.issuesOf(index), kind)!.message }
  }

  private scan(kind: IssueKind, limit: number): number[] {
    const flag = kind.severity === 'error' ? HAS_ERROR : HAS_WARNING
    const { rowFlags } = this.rows
    const found: number[] = []
    for (let index = 0; index < rowFlags.length && found.length < limit; index++) {
      if ((rowFlags[index]! & flag) !== 0 && issueOfKind(this.rows.issuesOf(index), kind)) found.push(index)
    }
    return found
  }
}

/** The row's issue of this kind, if it has one. */
function issueOfKind(issues: readonly FieldIssue[], kind: IssueKind): FieldIssue | undefined {
  return issues.find(
    (issue) =>
      issue.field === kind.field && issue.severity === kind.severity && issue.message.key === kind.key,
  )
}
