/** What to look for in one source column, and what to put in its place. */
export interface ColumnReplace {
  column: number
  /** Plain text, never a pattern: operations staff type what they see in the cell. */
  find: string
  replace: string
  matchCase: boolean
  /** Only cells whose whole value is `find`, so "NA" does not touch "NANCY". */
  wholeCell: boolean
  /** Only rows that have a validation error now. */
  onlyErrors: boolean
}

/** One cell a replace changed, by row index (not source row number): enough to put it back. */
export interface CellChange {
  index: number
  before: string
  after: string
}

/**
 * The value a cell gets from the replace, or null when the replace leaves it as it is (no match, or
 * the replacement is the same text), so counts are of cells that would really change.
 */
export function replacerOf(query: ColumnReplace): (value: string) => string | null {
  const { find, replace, matchCase, wholeCell } = query
  if (wholeCell) {
    const wanted = matchCase ? find : find.toLowerCase()
    return (value) => {
      const same = (matchCase ? value : value.toLowerCase()) === wanted
      return same && value !== replace ? replace : null
    }
  }
  const pattern = new RegExp(escapeRegExp(find), matchCase ? 'g' : 'gi')
  return (value) => {
    if (!value) return null
    // A function, so a "$" in the replacement is text, not a back-reference.
    const next = value.replace(pattern, () => replace)
    return next === value ? null : next
  }
}

/**
 * The cells a replace changes, in row order: of the given row indexes (a filter's), or of every row
 * when there are none. One pass; only changed cells are kept.
 */
export function changesIn(
  query: ColumnReplace,
  indexes: Int32Array | null,
  rowCount: number,
  cell: (index: number) => string,
): CellChange[] {
  const replacer = replacerOf(query)
  const changes: CellChange[] = []
  const count = indexes ? indexes.length : rowCount
  for (let position = 0; position < count; position++) {
    const index = indexes ? (indexes[position] ?? 0) : position
    const before = cell(index)
    const after = replacer(before)
    if (after !== null) changes.push({ index, before, after })
  }
  return changes
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Every replace done on a dataset, by id, so Undo and Redo in the review can put a whole replace back
 * or do it again without sending the changed cells to the renderer and back.
 */
export class ReplaceHistory {
  private readonly done = new Map<number, { column: number; changes: CellChange[] }>()
  private nextId = 1

  record(column: number, changes: CellChange[]): number {
    const id = this.nextId++
    this.done.set(id, { column, changes })
    return id
  }

  get(id: number): { column: number; changes: CellChange[] } | undefined {
    return this.done.get(id)
  }
}
