import type { Mapping } from '#shared/mapping/mapping.ts'
import type { FieldIssue, ProviderDefinition } from '#shared/providers/types.ts'
import { FIELD_ESCAPED } from '../../ingest/csv-index.ts'
import type { ParsedTable } from '../../ingest/index-table.ts'
import { isTrimmed } from './byte-rules.ts'
import { BITS, compileRowVouch } from './compile-row-vouch.ts'
import { mappedValues, NONE, RECORD, type MappedValue } from './mapped-values.ts'
import { VerdictCache } from './verdict-cache.ts'

// Whole-file validation without building every row's record. A row's issues are of two kinds: those
// of each present value on its own (field types and lengths, the provider's value rules), and those
// of which fields the row has (required fields, the provider's rules across fields; the split is
// ProviderDefinition.valueRules' contract, and a test holds every provider to it). So, row by row:
// - each cell's bytes are asked whether they certainly make a fine value (ASCII emails, phones,
//   dates, lengths, the provider's byte rules);
// - a value they do not vouch for is read as text and checked the ordinary way for its own issues
//   (kept per distinct value: verdict-cache.ts);
// - the issues of which fields the row has are learnt once per combination, from the first row that
//   has it: its record's issues less its values' own.
// Custom fields are values like the others (their rules: CustomFieldSpec.valueRule); keys outside the
// schema, which only a record can judge, send their rows the ordinary way. The issues are
// validateRecord's in another order (a test compares the two over awkward files for every provider):
// the summary counts their fields and severities, and the grid asks the ordinary way again.
//
// Row by row, not column by column: a row's cells lie together in the file, and a pass per column
// would read the whole file once per mapped column (measured: slower by a third). The byte checks
// of a row are compiled into one function per mapping (compile-row-vouch.ts).

export interface FastChecks {
  /** The issues of a row without edits: validateRecord's, in another order. */
  issuesOf(row: number): readonly FieldIssue[]
}

const WORD = 2 ** BITS

/**
 * `viaRecord(row)` checks a row the ordinary way (building its record): for rows with keys outside
 * the schema, and once for each combination of fields the file's rows have.
 */
export function compileFastChecks(
  provider: ProviderDefinition,
  mapping: Mapping,
  table: ParsedTable,
  viaRecord: (row: number) => FieldIssue[],
): FastChecks {
  const values = mappedValues(provider, mapping, table)
  const keys = mapping.assignments.map((assignment) => assignment.field)
  // Which values a row has is a number of up to 53 bits (exact in a double). A field mapped twice
  // keeps only one of its values in the record, so its issues are not the sum of the two.
  if (values.length > 53 || new Set(keys).size < keys.length) return { issuesOf: viaRecord }
  const { records, index } = table.bytes
  const { recordStart } = index
  const caches = values.map((value) => (value.column === -1 ? null : new VerdictCache(index.bytes)))
  const vouchRow = compileRowVouch(values, index, caches)
  const bits = new Int32Array(2 * Math.ceil(values.length / BITS) || 2)
  /** The issues of which fields a row has, by that combination (a bit per mapped value). */
  const byPresence = new Map<number, FieldIssue[]>()

  return {
    issuesOf(row) {
      const record = records[row]!
      const first = recordStart[record]!
      const cached = vouchRow(first, recordStart[record + 1]! - first, bits)
      let low = bits[0]!
      let high = bits.length > 2 ? bits[2]! : 0
      const doubtLow = bits[1]!
      const doubtHigh = bits.length > 2 ? bits[3]! : 0
      // The values' own issues: most rows with any have one value's, kept as that value's verdict.
      let single: readonly FieldIssue[] | null = cached
      let several: FieldIssue[] | null = null
      for (let word = 0, doubts = doubtLow; word < 2; word++, doubts = doubtHigh) {
        // Only the values the bytes left in doubt: one bit each, lowest first.
        for (; doubts !== 0; doubts &= doubts - 1) {
          const bit = doubts & -doubts
          const i = word * BITS + 31 - Math.clz32(bit)
          const value = values[i]!
          if (value.byteCheck === RECORD) return viaRecord(row)
          const issues = textVerdict(table, value, caches[i]!, row)
          if (issues === null) continue // a cell of spaces: no value at all
          if (word === 0) low |= bit
          else high |= bit
          if (issues.length === 0) continue
          if (single === null && several === null) single = issues
          else {
            several ??= [...single!]
            single = null
            for (const issue of issues) several.push(issue)
          }
        }
      }
      const own = several ?? single ?? NONE
      // A small integer unless the mapping has more than 30 values: a quick Map key.
      const presence = high === 0 ? low : low + high * WORD
      let shared = byPresence.get(presence)
      if (shared === undefined) {
        shared = without(viaRecord(row), own)
        byPresence.set(presence, shared)
      }
      if (own.length === 0) return shared
      return shared.length === 0 ? own : shared.concat(own)
    },
  }
}

/** A value's own issues from its text, or null when the value is absent (a cell of only spaces). */
function textVerdict(
  table: ParsedTable,
  value: MappedValue,
  cache: VerdictCache | null,
  row: number,
): readonly FieldIssue[] | null {
  if (cache !== null) {
    const { records, index } = table.bytes
    const k = index.recordStart[records[row]!]! + value.column
    const start = index.fieldStart[k]!
    const end = index.fieldEnd[k]!
    if ((index.fieldFlags[k]! & FIELD_ESCAPED) === 0 && isTrimmed(index.bytes, start, end)) {
      // The cell is the value as it is, so its verdict may be known from an earlier cell.
      let verdict = cache.get(start, end)
      if (verdict === undefined) {
        verdict = value.issuesOf(table.cell(row, value.column))
        cache.set(start, end, verdict)
      }
      return verdict
    }
  }
  const text = value.read(row)
  return text === '' ? null : value.issuesOf(text)
}

/** `all` less one of each of `taken` (issues compared by what they say). */
function without(all: readonly FieldIssue[], taken: readonly FieldIssue[]): FieldIssue[] {
  if (taken.length === 0) return [...all]
  const left = new Map<string, number>()
  for (const issue of taken) left.set(issueKey(issue), (left.get(issueKey(issue)) ?? 0) + 1)
  return all.filter((issue) => {
    const key = issueKey(issue)
    const count = left.get(key) ?? 0
    if (count === 0) return true
    left.set(key, count - 1)
    return false
  })
}

function issueKey(issue: FieldIssue): string {
  return JSON.stringify([issue.field, issue.severity, issue.rule, issue.message])
}
