import type { ColumnKind, ColumnStat } from '#shared/ipc/contract.ts'
import { sniffValues } from '#shared/mapping/sniff-values.ts'
import type { FilledFromBytes } from './fast-path/filled-cells.ts'

// What each column of a file holds, for the mapping screen's column list: counted over every row in
// one pass, so "98% filled" is true of the whole file and not of the first page.

/** Different values shown per column; enough to recognise a column at a glance. */
const SHOWN_SAMPLES = 3
/** Longer values are cut: a sample is a hint, and a notes column must not fill the IPC message. */
const SAMPLE_MAX_CHARS = 60
/** Rows whose values judge a column's kind: spread over the file, so a sorted file is not judged by its top. */
const KIND_SAMPLE_ROWS = 300
/**
 * A sparse column may have few values in the spread rows; below this many, its first values are
 * judged with them (and sniffValues itself says nothing on fewer than 3).
 */
const KIND_SAMPLE_MIN = 30
/** Share of sampled values that must be numbers for a column to count as numbers (as in sniffValues). */
const NUMBER_AGREEMENT = 0.9

// An amount with cents: never how a phone number is written.
const AMOUNT = /^[-+]?\d+[.,]\d{2}$/
// Plain numbers as spreadsheets write them: a sign, thousands grouped by space, comma or dot, decimals.
const NUMBER = /^[-+]?(\d{1,3}([ ,.\u00a0]\d{3})+|\d+)([.,]\d+)?$/

type CellReader = (row: number, column: number) => string

/**
 * Fill count, first different values and kind of every column of a table of `rowCount` rows. Once a
 * column has its samples, most of its cells are only counted: `filled` answers that from the cells'
 * bytes where it can (fast-path/filled-cells.ts): a million rows × 15 columns took 2.7 s when every
 * cell was read as text, 0.3 s so.
 */
export function columnStats(
  rowCount: number,
  columnCount: number,
  cell: CellReader,
  filled: FilledFromBytes = () => undefined,
): ColumnStat[] {
  const filledCount = new Uint32Array(columnCount)
  const samples = Array.from({ length: columnCount }, () => new Set<string>())
  const spread = Array.from({ length: columnCount }, (): string[] => [])
  const first = Array.from({ length: columnCount }, (): string[] => [])
  const stride = Math.max(1, Math.ceil(rowCount / KIND_SAMPLE_ROWS))
  for (let row = 0; row < rowCount; row++) {
    const sampledRow = row % stride === 0
    for (let column = 0; column < columnCount; column++) {
      const shown = samples[column]!
      // Only counted: neither a sample nor a value to judge the column's kind by is wanted from it.
      if (!sampledRow && shown.size >= SHOWN_SAMPLES && first[column]!.length >= KIND_SAMPLE_MIN) {
        const known = filled(row, column)
        if (known !== undefined) {
          if (known) filledCount[column]!++
          continue
        }
      }
      const value = cell(row, column).trim()
      if (value === '') continue
      filledCount[column]!++
      if (shown.size < SHOWN_SAMPLES) shown.add(shorten(value))
      if (sampledRow) spread[column]!.push(value)
      else if (first[column]!.length < KIND_SAMPLE_MIN) first[column]!.push(value)
    }
  }
  return Array.from({ length: columnCount }, (_, column) => ({
    column,
    filled: filledCount[column]!,
    samples: [...samples[column]!],
    kind: kindOf(
      spread[column]!.length >= KIND_SAMPLE_MIN ? spread[column]! : [...first[column]!, ...spread[column]!],
    ),
  }))
}

/** The kind of a column's non-empty sampled values: a value kind, numbers, text, or empty. */
export function kindOf(values: readonly string[]): ColumnKind {
  if (values.length === 0) return 'empty'
  const mostly = (pattern: RegExp) =>
    values.filter((value) => pattern.test(value)).length >= values.length * NUMBER_AGREEMENT
  const sniffed = sniffValues(values)
  // sniffValues takes a dot for a phone separator, so amounts like 12345.67 would read as phone numbers.
  if (sniffed === 'phone' && mostly(AMOUNT)) return 'number'
  if (sniffed) return sniffed
  return mostly(NUMBER) ? 'number' : 'text'
}

const shorten = (value: string): string =>
  value.length > SAMPLE_MAX_CHARS ? `${value.slice(0, SAMPLE_MAX_CHARS - 1)}…` : value
