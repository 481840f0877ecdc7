import type { Mapping } from '#shared/mapping/mapping.ts'
import { isPlainAssignment } from '#shared/mapping/read-assignment.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { FIELD_ESCAPED } from '../../ingest/csv-index.ts'
import type { ParsedTable } from '../../ingest/index-table.ts'
import { isTrimmed } from './byte-rules.ts'
import { hashAsciiBytes, identityPrefixHash } from './identity-hash.ts'

/** The hash could not be read from the bytes: ask the row's record. */
export const ASK_RECORD = Symbol('ask the record')

/**
 * The identity hash of a row without edits, from the bytes of its identity cells (identityOf: the
 * first of the provider's identity fields the row has; emails in lower case): a number, null when the
 * row has no identity, or ASK_RECORD when the bytes cannot say (non-ASCII, spaces around, escaped
 * quotes). Null as a whole when the mapping gives identity fields in a way bytes cannot follow
 * (joined or transformed columns, constants, a field mapped twice): then every row asks its record.
 */
export function compileIdentityHasher(
  provider: ProviderDefinition,
  mapping: Mapping,
  table: ParsedTable,
): ((row: number) => number | null | typeof ASK_RECORD) | null {
  const readers: { column: number; prefix: number; lowerCase: boolean }[] = []
  for (const field of provider.identity?.fields ?? []) {
    if (mapping.constants?.some((constant) => constant.field === field)) return null
    const assigned = mapping.assignments.filter((assignment) => assignment.field === field)
    if (assigned.length === 0) continue
    if (assigned.length > 1 || !isPlainAssignment(assigned[0]!)) return null
    const type = provider.fields.find((candidate) => candidate.key === field)?.type
    readers.push({
      column: assigned[0]!.column,
      prefix: identityPrefixHash(field),
      lowerCase: type === 'email',
    })
  }
  const { index, records } = table.bytes
  const { bytes, recordStart, fieldStart, fieldEnd, fieldFlags } = index
  const columns = Int32Array.from(readers, (reader) => reader.column)
  const prefixes = Int32Array.from(readers, (reader) => reader.prefix)
  const lowerCase = Uint8Array.from(readers, (reader) => (reader.lowerCase ? 1 : 0))
  return (row) => {
    const record = records[row]!
    const first = recordStart[record]!
    const fields = recordStart[record + 1]! - first
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!
      if (column >= fields) continue
      const k = first + column
      const start = fieldStart[k]!
      const end = fieldEnd[k]!
      if (start === end) continue
      if ((fieldFlags[k]! & FIELD_ESCAPED) !== 0 || !isTrimmed(bytes, start, end)) return ASK_RECORD
      const hash = hashAsciiBytes(bytes, start, end, prefixes[i]!, lowerCase[i] === 1)
      return hash === -1 ? ASK_RECORD : hash
    }
    return null
  }
}
