import type { Assignment } from '#shared/mapping/mapping.ts'
import { compileAssignment, type CellReader } from '#shared/mapping/read-assignment.ts'
import type { TransformKind } from '#shared/mapping/transforms/transform.ts'

// The sample rows seen through an assignment, with the engine's own reader so that what the screen
// shows is exactly what will be sent.

export const cellReader =
  (rows: readonly (readonly string[])[]): CellReader =>
  (row, column) =>
    rows[row]?.[column] ?? ''

/** What the assignment sends for each sample row ('' when the field is left out). */
export function sentValues(assignment: Assignment, rows: readonly (readonly string[])[]): string[] {
  const read = compileAssignment(assignment)
  const cell = cellReader(rows)
  return rows.map((_, row) => read(row, cell))
}

/**
 * The values a transform of `kind` receives: the columns read and joined, through the transforms
 * before it, without the fallback. For a value map or a date order, this is what the person decides on.
 */
export function valuesBefore(
  assignment: Assignment,
  kind: TransformKind,
  rows: readonly (readonly string[])[],
): string[] {
  const transforms = assignment.transforms ?? []
  const at = transforms.findIndex((transform) => transform.kind === kind)
  const before: Assignment = {
    ...assignment,
    transforms: at === -1 ? transforms : transforms.slice(0, at),
    fallback: undefined,
  }
  return sentValues(before, rows)
}

/** Distinct non-empty values with how many sample rows have each, most frequent first. */
export function countValues(values: readonly string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const value of values) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
}
