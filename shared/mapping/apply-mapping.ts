import type { MappedRecord } from '../providers/types.ts'
import type { Mapping } from './mapping.ts'

/**
 * Builds the mapped record of one source row. Cells are trimmed (stray spaces from spreadsheets are
 * never meaningful in customer data) and empty cells are left out, so "absent" has one representation.
 */
export function applyMapping(cells: readonly string[], mapping: Mapping): MappedRecord {
  const record: Record<string, string> = {}
  for (const { field, column } of mapping.assignments) {
    const value = (cells[column] ?? '').trim()
    if (value !== '') record[field] = value
  }
  return record
}
