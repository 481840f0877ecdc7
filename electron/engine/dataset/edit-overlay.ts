/**
 * The user's fixes, kept apart from the file: (row index, column) → value. The original stays readable,
 * so an edit can be undone and exports can show both.
 */
export class EditOverlay {
  private readonly edits = new Map<number, Map<number, string>>()

  get count(): number {
    let total = 0
    for (const row of this.edits.values()) total += row.size
    return total
  }

  /** Sets a value; setting the original back removes the edit. */
  set(index: number, column: number, value: string, original: string): void {
    let row = this.edits.get(index)
    if (value === original) {
      row?.delete(column)
      if (row?.size === 0) this.edits.delete(index)
      return
    }
    if (!row) this.edits.set(index, (row = new Map()))
    row.set(column, value)
  }

  /** The row's cells with its edits applied (a copy when there are edits). */
  apply(index: number, cells: string[]): string[] {
    const row = this.edits.get(index)
    if (!row) return cells
    const edited = [...cells]
    for (const [column, value] of row) {
      while (edited.length <= column) edited.push('')
      edited[column] = value
    }
    return edited
  }

  /** How many rows have at least one edit. */
  get rowCount(): number {
    return this.edits.size
  }

  /** Row indexes with edits, in row order. */
  editedRows(): number[] {
    return [...this.edits.keys()].sort((a, b) => a - b)
  }

  /** The edited cells of one row (column → value), or undefined when the row has no edits. */
  rowEdits(index: number): ReadonlyMap<number, string> | undefined {
    return this.edits.get(index)
  }

  /** Every edit as [row index, column, value]. */
  entries(): [number, number, string][] {
    const all: [number, number, string][] = []
    for (const [index, row] of this.edits) for (const [column, value] of row) all.push([index, column, value])
    return all
  }

  editedColumns(index: number): number[] {
    return [...(this.edits.get(index)?.keys() ?? [])]
  }
}
