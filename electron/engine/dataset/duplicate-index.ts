/**
 * Rows of one file grouped by customer identity (shared/providers/identity.ts), kept current one row at
 * a time: an edit or an exclusion moves just that row, so a fix never costs another pass over the file.
 * Excluded rows and rows without an identity are not in any group.
 *
 * Nearly every customer appears once, so a key with one row holds just that row's index; only a key
 * with two or more rows holds an array. For a million-row file that is a million arrays fewer (about
 * a third of the memory validation kept, measured with the bench file).
 */
export class DuplicateIndex {
  /** Identity key per row index (null: none, or excluded). */
  private readonly keys: (string | null)[]
  /** Identity key → its row index, or its row indexes in ascending order when there are several. */
  private readonly members = new Map<string, number | number[]>()
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
    return Array.isArray(group) ? group : null
  }

  /** Every group, ordered by its first row. */
  groups(): (readonly number[])[] {
    const groups: number[][] = []
    for (const group of this.members.values()) if (Array.isArray(group)) groups.push(group)
    return groups.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
  }

  get counts(): { groups: number; rows: number } {
    return { groups: this.groupCount, rows: this.rowsInGroups }
  }

  private add(index: number, key: string): void {
    const members = this.members.get(key)
    if (members === undefined) {
      this.members.set(key, index)
      return
    }
    if (typeof members === 'number') {
      this.members.set(key, members < index ? [members, index] : [index, members])
      this.groupCount++
      this.rowsInGroups += 2
      return
    }
    // Rows are mostly added in order (the first pass), so appending is the usual case.
    const last = members.at(-1)
    if (last === undefined || last < index) members.push(index)
    else members.splice(insertionPoint(members, index), 0, index)
    this.rowsInGroups++
  }

  private remove(index: number, key: string): void {
    const members = this.members.get(key)
    if (members === undefined) return
    if (typeof members === 'number') {
      if (members === index) this.members.delete(key)
      return
    }
    const position = insertionPoint(members, index)
    if (members[position] !== index) return
    members.splice(position, 1)
    this.rowsInGroups--
    if (members.length === 1) {
      // Back to one row: no longer a group.
      this.members.set(key, members[0]!)
      this.groupCount--
      this.rowsInGroups--
    }
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
