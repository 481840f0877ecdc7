import type { IssueGroup, IssueKind, ValidationSummary } from '#shared/ipc/contract.ts'
import type { Message } from '#shared/i18n/message.ts'
import type { FieldIssue } from '#shared/providers/types.ts'

// What the review step's summary says about problems, kept current row by row: rows with an error or
// a warning per field (the grid's per-column counts), and rows per kind of problem — one severity on
// one field with one catalog sentence, such as "not a valid email address" on Email — each with one
// row's own words as an example. Runs for every row of the file, so counting allocates nothing but a
// new kind's entry: the Maps are keyed by the issues' own strings.

interface Group extends IssueKind {
  rows: number
  /** A row with this kind of problem (by row index) and its message; null once that row lost it. */
  example: { index: number; message: Message } | null
}

type Groups = Map<string, Map<string, Group>>

export class IssueTally {
  private readonly rowsByField = { error: new Map<string, number>(), warning: new Map<string, number>() }
  /** By field, then by message key; one Map per severity. */
  private readonly groups: { error: Groups; warning: Groups } = { error: new Map(), warning: new Map() }

  /** Adds (1) or takes away (-1) the issues of the row with this index. */
  count(index: number, issues: readonly FieldIssue[], sign: 1 | -1): void {
    for (let i = 0; i < issues.length; i++) {
      const issue = issues[i]!
      // A row counts once per field and once per kind, however many of its issues say the same.
      if (!isRepeated(issues, i, false)) bump(this.rowsByField[issue.severity], issue.field, sign)
      if (!isRepeated(issues, i, true)) this.bumpGroup(index, issue, sign)
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
    const issueGroups: IssueGroup[] = []
    for (const groups of [this.groups.error, this.groups.warning]) {
      for (const byKey of groups.values()) {
        for (const group of byKey.values()) {
          group.example ??= findExample(group)
          if (group.example === null) continue
          const { field, severity, key, rows, example } = group
          issueGroups.push({
            field,
            severity,
            key,
            rows,
            example: { row: rowNumber(example.index), message: example.message },
          })
        }
      }
    }
    issueGroups.sort(
      (a, b) =>
        Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
        b.rows - a.rows ||
        a.example.row - b.example.row,
    )
    return {
      errorsByField: Object.fromEntries(this.rowsByField.error),
      warningsByField: Object.fromEntries(this.rowsByField.warning),
      issueGroups,
    }
  }

  private bumpGroup(index: number, issue: FieldIssue, sign: 1 | -1): void {
    const { field, severity } = issue
    const key = issue.message.key
    const groups = this.groups[severity]
    let byKey = groups.get(field)
    if (byKey === undefined) {
      byKey = new Map()
      groups.set(field, byKey)
    }
    let group = byKey.get(key)
    if (group === undefined) {
      group = { field, severity, key, rows: 0, example: null }
      byKey.set(key, group)
    }
    group.rows += sign
    if (group.rows <= 0) {
      byKey.delete(key)
      if (byKey.size === 0) groups.delete(field)
    } else if (sign === 1) group.example ??= { index, message: issue.message }
    else if (group.example?.index === index) group.example = null
  }
}

function bump(counts: Map<string, number>, field: string, sign: 1 | -1): void {
  const next = (counts.get(field) ?? 0) + sign
  if (next > 0) counts.set(field, next)
  else counts.delete(field)
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
