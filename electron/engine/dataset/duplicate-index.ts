/**
 * Rows of one file grouped by customer identity (shared/providers/identity.ts), kept current one row at
 * a time: an edit or an exclusion moves just that row, so a fix never costs another pass over the file.
 * Excluded rows and rows without an identity are not in any group.
 */
export class DuplicateIndex {
  /** Identity key per row index (null: none, or excluded). */
  private readonly keys: (string | null)[]
  /** Identity key → row indexes in ascending order. */
  private readonly members = new Map<string, number[]>()
  private groupCount = 0
  private rowsInGroups = 0

  constructor(rowCount: number) {
    this.keys = new Array<string | null>(rowCount).fill(null)
  }

  /** Puts a row under its (new) identity key, or takes it out of every group with null. */
  set(index: number, key: string | null): void {
    const old = this.keys[index] ?? null
    if (old === key) return
    if (old !== null) this.remove(index, old)
    this.keys[index] = key
    if (key !== null) this.add(index, key)
  }

  /** The group of a row (ascending indexes, at least two), or null when it is the only row of its customer. */
  groupOf(index: number): readonly number[] | null {
    const key = this.keys[index]
    if (key == null) return null
    const group = this.members.get(key)
    return group && group.length > 1 ? group : null
  }

  /** Every group, ordered by its first row. */
  groups(): (readonly number[])[] {
    const groups: number[][] = []
    for (const group of this.members.values()) if (group.length > 1) groups.push(group)
    return groups.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
  }

  get counts(): { groups: number; rows: number } {
    return { groups: this.groupCount, rows: this.rowsInGroups }
  }

  private add(index: number, key: string): void {
    let group = this.members.get(key)
    if (!group) this.members.set(key, (group = []))
    this.uncount(group)
    // Rows are mostly added in order (the first pass), so appending is the usual case.
    const last = group.at(-1)
    if (last === undefined || last < index) group.push(index)
    else group.splice(insertionPoint(group, index), 0, index)
    this.count(group)
  }

  private remove(index: number, key: string): void {
    const group = this.members.get(key)
    if (!group) return
    this.uncount(group)
    const position = insertionPoint(group, index)
    if (group[position] === index) group.splice(position, 1)
    if (group.length === 0) this.members.delete(key)
    else this.count(group)
  }

  private count(group: readonly number[]): void {
    if (group.length < 2) return
    this.groupCount++
    this.rowsInGroups += group.length
  }

  private uncount(group: readonly number[]): void {
    if (group.length < 2) return
    this.groupCount--
    this.rowsInGroups -= group.length
  }
}

/** The first position in a sorted array whose value is not below `value`. */
function insertionPoint(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] ?? 0) < value) low = middle + 1
    else high = middle
  }
  return low
}
