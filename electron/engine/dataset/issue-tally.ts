import type { IssueGroup, IssueKind, ValidationSummary } from '#shared/ipc/contract.ts'
import type { Message } from '#shared/i18n/message.ts'
import type { FieldIssue } from '#shared/providers/types.ts'

// What the review step's summary says about problems, kept current row by row: rows with an error or
// a warning per field (the grid's per-column counts), and rows per kind of problem — one severity on
// one field with one catalog sentence, such as "not a valid email address" on Email — each with one
// row's own words as an example. Runs for every row with an issue, which in some files is every row:
// an issue costs two lookups by its own strings (its field, then its sentence's key), and counting
// allocates nothing but a new field's or kind's entry. (Measured on the bench file, where every
// Capillary row has an error: a Map per severity and per count cost 82 ns a row, this 60.)

interface Group extends IssueKind {
  rows: number
  /** A row with this kind of problem (by row index) and its message; null once that row lost it. */
  example: { index: number; message: Message } | null
}

/** One field's counts: rows with an error, rows with a warning, and its kinds of problem by key. */
interface FieldCounts {
  error: number
  warning: number
  errorKinds: Map<string, Group>
  warningKinds: Map<string, Group>
}

export class IssueTally {
  private readonly fields = new Map<string, FieldCounts>()

  /** Adds (1) or takes away (-1) the issues of the row with this index. */
  count(index: number, issues: readonly FieldIssue[], sign: 1 | -1): void {
    for (let i = 0; i < issues.length; i++) {
      const issue = issues[i]!
      const { field, severity } = issue
      let counts = this.fields.get(field)
      if (counts === undefined) {
        counts = { error: 0, warning: 0, errorKinds: new Map(), warningKinds: new Map() }
        this.fields.set(field, counts)
      }
      // A row counts once per field and once per kind, however many of its issues say the same.
      if (!isRepeated(issues, i, false)) counts[severity] += sign
      if (!isRepeated(issues, i, true))
        bumpKind(severity === 'error' ? counts.errorKinds : counts.warningKinds, index, issue, sign)
    }
  }

  /**
   * The summary's part: `rowNumber` names a row; `findExample` finds a row with a kind of problem
   * whose example row was fixed (null: none left, which the counts rule out).
   */
  summary(
    rowNumber: (index: number) => number,
    findExample: (kind: IssueKind) => { index: number; message: Message } | null,
  ): Pick<ValidationSummary, 'errorsByField' | 'warningsByField' | 'issueGroups'> {
    const errorsByField: Record<string, number> = {}
    const warningsByField: Record<string, number> = {}
    const issueGroups: IssueGroup[] = []
    for (const [field, counts] of this.fields) {
      if (counts.error > 0) errorsByField[field] = counts.error
      if (counts.warning > 0) warningsByField[field] = counts.warning
      for (const group of [...counts.errorKinds.values(), ...counts.warningKinds.values()]) {
        if (group.rows <= 0) continue
        group.example ??= findExample(group)
        if (group.example === null) continue
        const { severity, key, rows, example } = group
        issueGroups.push({
          field,
          severity,
          key,
          rows,
          example: { row: rowNumber(example.index), message: example.message },
        })
      }
    }
    issueGroups.sort(
      (a, b) =>
        Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
        b.rows - a.rows ||
        a.example.row - b.example.row,
    )
    return { errorsByField, warningsByField, issueGroups }
  }
}

function bumpKind(kinds: Map<string, Group>, index: number, issue: FieldIssue, sign: 1 | -1): void {
  const { field, severity, message } = issue
  let group = kinds.get(message.key)
  if (group === undefined) {
    group = { field, severity, key: message.key, rows: 0, example: null }
    kinds.set(message.key, group)
  }
  group.rows += sign
  // The row lost this kind: it cannot be the example any more (a row that still has it is counted
  // again, with its new words, right after).
  if (sign === -1 && group.example?.index === index) group.example = null
  else if (sign === 1) group.example ??= { index, message }
}

/** Whether an earlier issue of the row has issue `i`'s field and severity (and, `sameKind`, its sentence). */
function isRepeated(issues: readonly FieldIssue[], i: number, sameKind: boolean): boolean {
  const { field, severity, message } = issues[i]!
  for (let earlier = 0; earlier < i; earlier++) {
    const issue = issues[earlier]!
    if (issue.field !== field || issue.severity !== severity) continue
    if (!sameKind || issue.message.key === message.key) return true
  }
  return false
}
