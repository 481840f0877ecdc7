import type { MappedRecord } from '../providers/types.ts'
import type { Mapping } from './mapping.ts'
import { compileAssignment } from './read-assignment.ts'

/**
 * Builds the mapped record of one source row: every assignment's value (empty ones left out, so
 * "absent" has one representation), then the constants for fields no column filled. For many rows,
 * compileMapping does the same work once per mapping instead of once per row.
 */
export function applyMapping(cells: readonly string[], mapping: Mapping): MappedRecord {
  const record: Record<string, string> = {}
  const cell = (_row: number, column: number) => cells[column] ?? ''
  for (const assignment of mapping.assignments) {
    const value = compileAssignment(assignment)(0, cell)
    if (value !== '') record[assignment.field] = value
  }
  for (const { field, value } of mapping.constants ?? []) record[field] ??= value
  return record
}
