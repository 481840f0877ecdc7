import type { Mapping } from '#shared/mapping/mapping.ts'
import { compileAssignment, isPlainAssignment } from '#shared/mapping/read-assignment.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { FIELD_ESCAPED } from '../../ingest/csv-index.ts'
import type { ParsedTable } from '../../ingest/index-table.ts'
import { isTrimmed } from './byte-rules.ts'
import { hashAsciiBytes, hashText, identityPrefixHash } from './identity-hash.ts'

/** How one identity field's value is read: from its cell's bytes, as text, or the mapping's constant. */
interface IdentityReader {
  /** The column of a plain assignment, whose bytes are hashed when they are plain ASCII; else -1. */
  column: number
  /** The value as the record has it ('' when absent): an assignment's (joined, transformed) or a cell's. */
  read: ((row: number) => string) | null
  /** The constant the record takes when the assignment gives nothing ('' when none). */
  constant: string
  prefix: number
  lowerCase: boolean
}

/**
 * The identity hash of a row without edits, equal to hashText(identityKeyOf(its record)) without
 * building the record: a number, or null when the row has no identity. Each identity field is read the
 * cheapest way that gives its value as the record would: the bytes of a plain column when they are
 * plain ASCII, else the value's text (read through its assignment: joined, transformed), else the
 * mapping's constant for the field. Null as a whole only when a field is mapped twice (the record keeps
 * the last value that is not empty): then every row asks its record.
 */
export function compileIdentityHasher(
  provider: ProviderDefinition,
  mapping: Mapping,
  table: ParsedTable,
): ((row: number) => number | null) | null {
  const readers: IdentityReader[] = []
  for (const field of provider.identity?.fields ?? []) {
    const assigned = mapping.assignments.filter((assignment) => assignment.field === field)
    if (assigned.length > 1) return null
    const constant = mapping.constants?.find((candidate) => candidate.field === field)?.value ?? ''
    if (assigned.length === 0 && constant.trim() === '') continue
    const assignment = assigned[0]
    const read = assignment ? compileAssignment(assignment) : null
    readers.push({
      column: assignment && isPlainAssignment(assignment) ? assignment.column : -1,
      read: read && ((row) => read(row, table.cell)),
      constant,
      prefix: identityPrefixHash(field),
      lowerCase: provider.fields.find((candidate) => candidate.key === field)?.type === 'email',
    })
  }
  const { index, records } = table.bytes
  const { bytes, recordStart, fieldStart, fieldEnd, fieldFlags } = index
  return (row) => {
    const record = records[row]!
    const first = recordStart[record]!
    const fields = recordStart[record + 1]! - first
    for (const reader of readers) {
      const { column } = reader
      if (column !== -1) {
        // A plain column: an empty cell is an absent value, and plain ASCII bytes are the value.
        if (column >= fields || fieldStart[first + column] === fieldEnd[first + column]) {
          if (reader.constant === '') continue
        } else {
          const k = first + column
          const start = fieldStart[k]!
          const end = fieldEnd[k]!
          if ((fieldFlags[k]! & FIELD_ESCAPED) === 0 && isTrimmed(bytes, start, end)) {
            const hash = hashAsciiBytes(bytes, start, end, reader.prefix, reader.lowerCase)
            if (hash !== -1) return hash // -1: not ASCII (or, rarely, a hash of -1): asked as text
          }
        }
      }
      // identityOf's reading of record[field]: the assignment's value, or else the constant, trimmed.
      let value = (reader.read?.(row) ?? '') || reader.constant
      value = value.trim()
      if (value === '') continue
      return hashText(reader.lowerCase ? value.toLowerCase() : value, reader.prefix)
    }
    return null
  }
}
