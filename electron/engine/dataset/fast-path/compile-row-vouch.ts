import type { FieldIssue } from '#shared/providers/types.ts'
import { FIELD_ESCAPED, type CsvIndex } from '../../ingest/csv-index.ts'
import { isDateBytes, isDateTimeBytes, isE164PhoneBytes, isEmailBytes, isTrimmed } from './byte-rules.ts'
import { ANY, DATE, DATE_TIME, EMAIL, MAX_BYTES, PHONE, RECORD, type MappedValue } from './mapped-values.ts'
import type { VerdictCache } from './verdict-cache.ts'

/**
 * Settles what it can of one row's mapped values from their cells' bytes: a value is settled when
 * its bytes vouch for it, or when a cell with the same bytes was judged before (VerdictCache). Writes,
 * per word of 30 values, the bits of the settled values and of those left to ask as text, as out[2w]
 * and out[2w + 1] (absent values have neither), and returns the settled values' issues, or null.
 */
export type RowVouch = (first: number, fields: number, out: Int32Array) => readonly FieldIssue[] | null

/** Values per word of a row's bit sets (small integers: never boxed). */
export const BITS = 30

/**
 * Compiles a mapping's byte checks into one straight-line function, the way fast schema validators
 * do: columns, limits and checks are written into the code, so the per-cell work is the check and
 * nothing else. A loop that looked each value's column and kind up and switched on it ran at about
 * half the speed (measured on the bench file for Kustomer's ten fields), and this runs for every
 * cell of the file.
 *
 * Only numbers made here go into the source (columns, limits, bits, indexes, as checked integers);
 * every function and table is passed in as an argument. An email in column 3 becomes:
 *
 *   if (3 < fields) { k = first + 3; s = fieldStart[k]; e = fieldEnd[k]
 *     if (s !== e) { f = fieldFlags[k]
 *       if ((f & 2) === 0 && e - s <= 255 && isEmailBytes(bytes, s, e)) v0 |= 2
 *       else { if (<unescaped, trimmed, and caches[1] knows these bytes>) { v0 |= 2; <its issues> }
 *              else d0 |= 2 } } }
 */
export function compileRowVouch(
  values: readonly MappedValue[],
  index: CsvIndex,
  caches: readonly (VerdictCache | null)[],
): RowVouch {
  const words = Math.ceil(values.length / BITS) || 1
  const unescaped = `(f & ${integer(FIELD_ESCAPED)}) === 0`
  const lines: string[] = []
  for (let word = 0; word < words; word++) lines.push(`let v${word} = 0, d${word} = 0`)
  lines.push('let k = 0, s = 0, e = 0, f = 0, own = null, verdict')
  values.forEach((value, i) => {
    const word = Math.floor(i / BITS)
    const bit = integer(1 << (i % BITS))
    const settled = `v${word} |= ${bit}`
    const doubted = `d${word} |= ${bit}`
    if (value.column === -1) {
      lines.push(`${doubted} // value ${i}: joined or transformed, read as text`)
      return
    }
    const column = integer(value.column)
    const cached =
      value.byteCheck === RECORD
        ? doubted
        : `if (${unescaped} && isTrimmed(bytes, s, e) && (verdict = caches[${integer(i)}].get(s, e)) !== undefined) {` +
          ` ${settled}; if (verdict.length > 0) own = own === null ? verdict : own.concat(verdict) } else ${doubted}`
    lines.push(
      `if (${column} < fields) { k = first + ${column}; s = fieldStart[k]; e = fieldEnd[k]`,
      `  if (s !== e) { f = fieldFlags[k]; if (${test(value, i, unescaped)}) ${settled}; else { ${cached} } } }`,
    )
  })
  for (let word = 0; word < words; word++) {
    lines.push(`out[${2 * word}] = v${word}; out[${2 * word + 1}] = d${word}`)
  }
  lines.push('return own')
  const source = `'use strict'\nreturn function vouchRow(first, fields, out) {\n${lines.join('\n')}\n}`
  const parameters = {
    bytes: index.bytes,
    fieldStart: index.fieldStart,
    fieldEnd: index.fieldEnd,
    fieldFlags: index.fieldFlags,
    rules: values.map((value) => value.ruleOnBytes),
    caches,
    isTrimmed,
    isEmailBytes,
    isE164PhoneBytes,
    isDateBytes,
    isDateTimeBytes,
  }
  // Numbers only in the source (see above); the functions and tables come in as arguments.
  const factory = new Function(...Object.keys(parameters), source) as (...args: unknown[]) => RowVouch
  return factory(...Object.values(parameters))
}

/** The byte check of value `i`'s cell [s, e) with flags f, as source; 'false' when bytes cannot say. */
function test(value: MappedValue, i: number, unescaped: string): string {
  const max = Number.isFinite(value.maxLength) ? integer(value.maxLength) : 'Infinity'
  const trimmed = 'isTrimmed(bytes, s, e)'
  let checks: string[]
  switch (value.byteCheck) {
    case ANY:
      checks = [trimmed]
      break
    case MAX_BYTES:
      checks = [`e - s <= ${max}`, trimmed]
      break
    case EMAIL:
      checks = [unescaped, `e - s <= ${max}`, 'isEmailBytes(bytes, s, e)']
      break
    case PHONE:
      checks = [unescaped, trimmed, `isE164PhoneBytes(bytes, s, e, ${max})`]
      break
    case DATE:
      checks = [`e - s <= ${max}`, 'isDateBytes(bytes, s, e)']
      break
    case DATE_TIME:
      checks = [`e - s <= ${max}`, 'isDateTimeBytes(bytes, s, e)']
      break
    default:
      return 'false' // asked as text, or the row needs its record
  }
  if (value.ruleOnBytes !== null) {
    // A provider's byte rule is asked of the cell as it is: unescaped and trimmed, each asked once.
    for (const needed of [unescaped, trimmed]) if (!checks.includes(needed)) checks.push(needed)
    checks.push(`rules[${integer(i)}](bytes, s, e)`)
  }
  return checks.join(' && ')
}

/** A number written into the source: only ever a non-negative integer. */
function integer(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a column, bit or limit: ${value}`)
  return String(value)
}
