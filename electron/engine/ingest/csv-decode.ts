import { FIELD_ESCAPED, type CsvIndex } from './csv-index.ts'

// Reading cells back out of the byte index: fields are decoded only when a row is shown, validated or
// sent, never all at once.

/** Number of fields of a record (records may be ragged). */
export function fieldCount(index: CsvIndex, record: number): number {
  checkRecord(index, record)
  return index.recordStart[record + 1]! - index.recordStart[record]!
}

/** Decodes one field. ignoreBOM keeps a U+FEFF that starts a field (the default decoder drops it). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

export function decodeField(index: CsvIndex, record: number, column: number): string {
  const count = fieldCount(index, record)
  if (!Number.isInteger(column) || column < 0 || column >= count) {
    throw new RangeError(`record ${record} has ${count} fields, no column ${column}`)
  }
  return decodeAt(index, index.recordStart[record]! + column)
}

export function decodeRecord(index: CsvIndex, record: number): string[] {
  checkRecord(index, record)
  const first = index.recordStart[record]!
  const last = index.recordStart[record + 1]!
  const cells = new Array<string>(last - first)
  for (let k = first; k < last; k++) cells[k - first] = decodeAt(index, k)
  return cells
}

/** Fields up to this many bytes (ids, names, emails, phones, dates: most cells) are decoded inline. */
const ASCII_FAST_PATH_MAX = 64

/**
 * Decodes a short field without TextDecoder, whose fixed cost per call dominates for names and
 * emails. Handles well-formed UTF-8 (the store always holds UTF-8); returns null on anything unusual
 * so TextDecoder decides, with its replacement rules.
 */
function shortText(bytes: Uint8Array, start: number, end: number): string | null {
  if (end - start > ASCII_FAST_PATH_MAX) return null
  let text = ''
  for (let at = start; at < end;) {
    const byte = bytes[at]!
    if (byte < 0x80) {
      text += String.fromCharCode(byte)
      at += 1
    } else if (byte >= 0xc2 && byte < 0xe0 && at + 1 < end && (bytes[at + 1]! & 0xc0) === 0x80) {
      text += String.fromCharCode(((byte & 0x1f) << 6) | (bytes[at + 1]! & 0x3f))
      at += 2
    } else if (
      byte >= 0xe0 &&
      byte < 0xf0 &&
      at + 2 < end &&
      (bytes[at + 1]! & 0xc0) === 0x80 &&
      (bytes[at + 2]! & 0xc0) === 0x80
    ) {
      const code = ((byte & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f)
      // Overlong forms and UTF-16 surrogates are not well-formed: let TextDecoder replace them.
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return null
      text += String.fromCharCode(code)
      at += 3
    } else {
      return null // 4-byte sequences (emoji) and malformed input
    }
  }
  return text
}

/** The cell at `column` of a record, '' when the record has fewer fields (a ragged row). */
export function cellOf(index: CsvIndex, record: number, column: number): string {
  const first = index.recordStart[record]!
  return first + column < index.recordStart[record + 1]! ? decodeAt(index, first + column) : ''
}

function decodeAt(index: CsvIndex, k: number): string {
  const start = index.fieldStart[k]!
  const end = index.fieldEnd[k]!
  if (start === end) return ''
  const text = shortText(index.bytes, start, end) ?? utf8.decode(index.bytes.subarray(start, end))
  if ((index.fieldFlags[k]! & FIELD_ESCAPED) === 0) return text
  // Left to right, non-overlapping: `"""` is `"` + `"`, as papaparse's replace(/""/g, '"').
  const quote = String.fromCharCode(index.quote)
  return text.replaceAll(quote + quote, quote)
}

function checkRecord(index: CsvIndex, record: number): void {
  if (!Number.isInteger(record) || record < 0 || record >= index.recordCount) {
    throw new RangeError(`no record ${record} (the file has ${index.recordCount})`)
  }
}
