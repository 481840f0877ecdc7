import type { ParsedTable } from '../../ingest/index-table.ts'
import { startsClear } from './byte-rules.ts'

/** Whether a cell has text once trimmed, from its bytes; undefined when only its text can say. */
export type FilledFromBytes = (row: number, column: number) => boolean | undefined

/**
 * Answers "is this cell filled?" without making its string: no bytes is empty, and a cell that starts
 * with a character trim() keeps is not (byte-rules.ts startsClear: printable ASCII and the lead bytes of
 * no Unicode space). Cells that start with a space or a control are left to their text.
 */
export function filledFromBytes(table: ParsedTable): FilledFromBytes {
  const { records, index } = table.bytes
  const { bytes, recordStart, fieldStart, fieldEnd } = index
  return (row, column) => {
    const record = records[row]!
    const first = recordStart[record]!
    if (column >= recordStart[record + 1]! - first) return false // past the end of a short row
    const start = fieldStart[first + column]!
    if (start === fieldEnd[first + column]) return false
    return startsClear(bytes[start]!) ? true : undefined
  }
}
