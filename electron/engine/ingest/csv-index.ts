import Papa from 'papaparse'

/**
 * The compact dataset store for delimited text: the raw UTF-8 bytes plus a typed-array index of where
 * every field starts and ends. One pass over the bytes builds it; strings are made only for the rows
 * that are shown or uploaded. A million-row file costs about 9 bytes per field on top of the file
 * instead of a JS string and array per cell (6–8× the file size).
 *
 * papaparse 5.7.1 is the oracle: for any UTF-8 input, the fields, records and quote errors here are
 * exactly those of `Papa.parse(text, { delimiter, newline, quoteChar, skipEmptyLines: false })` on the
 * decoded text (test/unit/electron/ingest/csv-index.test.ts checks it on fixtures and random CSVs).
 * The rules, read from papaparse's Parser:
 * - A field is quoted only if the quote is its first byte; a quote anywhere else is plain text.
 * - Inside quotes, `""` is a literal quote. A quote followed by a delimiter or the newline closes the
 *   field, also when only whitespace (JS `trim()` whitespace, including `\r`, NBSP and U+3000) stands
 *   between them; that whitespace is dropped. A quote that is the last byte of the input closes it too.
 * - Any other quote inside a quoted field is kept as text and reported as InvalidQuotes; the search
 *   for the closing quote goes on. Without one, the field runs to the end of the input (raw: its `""`
 *   are not unescaped) and MissingQuotes is reported.
 * - The newline is one fixed sequence for the whole input (see `guessNewline`), so a lone `\r` in a
 *   `\n` file is field content. An empty line is a record with one empty field, and so is the end of
 *   the input after a final newline. Empty input has no records.
 * - A UTF-8 byte-order mark at the start is skipped (Papa.parse strips U+FEFF from its input).
 */

export type CsvNewline = '\r\n' | '\n' | '\r'

export interface ScanOptions {
  /** The delimiter byte (ASCII, not a quote, CR or LF). */
  delimiter: number
  /** The quote byte; `"` unless given. It also escapes itself (`""`), as in papaparse by default. */
  quote?: number
  newline: CsvNewline
  /** Called about every 8 MiB with the bytes scanned so far; throw from it to cancel the scan. */
  /** Called every few megabytes with the bytes scanned and the records found so far. */
  onProgress?: (scannedBytes: number, records: number) => void
}

export interface CsvParseError {
  /** papaparse's error codes: a quoted field without a closing quote, or a stray quote inside one. */
  code: 'MissingQuotes' | 'InvalidQuotes'
  /** 0-based record the quoted field belongs to (papaparse's `row`). */
  record: number
  /** Byte offset just after the opening quote (papaparse's `index`, counted in bytes). */
  byteOffset: number
}

/** The field was quoted: its range excludes the quotes. */
export const FIELD_QUOTED = 1
/** The field contains `""` pairs, which decode to one quote each. */
export const FIELD_ESCAPED = 2
/** The quoted field has no closing quote and runs to the end of the input, taken as it is. */
export const FIELD_UNTERMINATED = 4

export interface CsvIndex {
  bytes: Uint8Array
  delimiter: number
  quote: number
  newline: CsvNewline
  recordCount: number
  /** Record r has the fields recordStart[r] ..< recordStart[r + 1]; length recordCount + 1. */
  recordStart: Uint32Array
  /** Byte range of each field's content in `bytes` (quotes excluded), in file order. */
  fieldStart: Uint32Array
  fieldEnd: Uint32Array
  /** FIELD_* bits per field. */
  fieldFlags: Uint8Array
  /** The first MAX_STORED_ERRORS errors, in order; `errorCount` counts them all. */
  errors: CsvParseError[]
  errorCount: number
}

export const MAX_STORED_ERRORS = 1000

const LF = 0x0a
const CR = 0x0d
/** A byte repeated in all four bytes of a word is byte × ONES. */
const ONES = 0x01010101
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const PROGRESS_STEP = 8 * 1024 * 1024
const SAMPLE_BYTES = 64 * 1024
/** Typed arrays index bytes with 32-bit offsets. */
const MAX_INPUT_BYTES = 0xffffffff

/**
 * Builds the field index in one pass. The arrays are views of exactly the used length over buffers
 * that may be somewhat larger (the estimate is generous because untouched pages cost no memory).
 */
export function scanCsv(input: Uint8Array, options: ScanOptions): CsvIndex {
  const { delimiter, newline, onProgress } = options
  const quote = options.quote ?? 0x22
  checkOptions(delimiter, quote, newline)
  if (input.length > MAX_INPUT_BYTES) throw new RangeError(`CSV input over ${MAX_INPUT_BYTES} bytes`)
  // A plain Uint8Array view, so element access stays monomorphic whether a Buffer or not was passed.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  const n = bytes.length
  const nl0 = newline === '\n' ? LF : CR
  const crlf = newline === '\r\n'
  const nlLen = newline.length
  let i = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0

  const estimate = estimateCounts(bytes, i, delimiter, nl0)
  let fieldCap = estimate.fields
  let recordCap = estimate.records
  let starts: Uint32Array = new Uint32Array(fieldCap)
  let ends: Uint32Array = new Uint32Array(fieldCap)
  let flags = new Uint8Array(fieldCap)
  let records: Uint32Array = new Uint32Array(recordCap + 1)
  let f = 0
  let r = 0
  const errors: CsvParseError[] = []
  let errorCount = 0
  let nextProgress = onProgress ? PROGRESS_STEP : n + 1
  // Searches look at four bytes at a time through an Int32Array view of the same memory (SWAR), which
  // needs the bytes 4-aligned; otherwise they go byte by byte. The masks in the loops are literals on
  // purpose: see the measurements at the end of this file.
  const words =
    LITTLE_ENDIAN && (bytes.byteOffset & 3) === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset, n >> 2)
      : null
  const wordCount = n >> 2
  const delimiterWord = Math.imul(delimiter, ONES)
  const newlineWord = Math.imul(nl0, ONES)
  const quoteWord = Math.imul(quote, ONES)

  if (i < n) {
    for (;;) {
      // Doubling is the fallback: the estimate from the sample normally covers the whole file.
      if (f === fieldCap) {
        fieldCap *= 2
        starts = grow32(starts, fieldCap)
        ends = grow32(ends, fieldCap)
        const moreFlags = new Uint8Array(fieldCap)
        moreFlags.set(flags)
        flags = moreFlags
      }
      let endsRecord: boolean
      let atEnd = false
      if (i < n && bytes[i] === quote) {
        const open = i + 1
        let q = i
        let flag = FIELD_QUOTED
        let close = n
        // The delimiter or newline after the closing quote; -1 when the field ends the input.
        let stop = -1
        for (;;) {
          q = findByte(bytes, words, q + 1, quote, quoteWord)
          if (q === n) {
            if (errorCount++ < MAX_STORED_ERRORS)
              errors.push({ code: 'MissingQuotes', record: r, byteOffset: open })
            flag = FIELD_QUOTED | FIELD_UNTERMINATED
            break
          }
          if (q === n - 1) {
            close = q
            break
          }
          const c = bytes[q + 1]
          if (c === quote) {
            flag |= FIELD_ESCAPED
            q++
            continue
          }
          if (c === delimiter || (c === nl0 && (!crlf || (q + 2 < n && bytes[q + 2] === LF)))) {
            close = q
            stop = q + 1
            break
          }
          // papaparse also closes the field when only whitespace stands before the delimiter/newline.
          stop = skipWhitespace(bytes, q + 1, delimiter, nl0, crlf)
          if (stop !== -1) {
            close = q
            break
          }
          if (errorCount++ < MAX_STORED_ERRORS)
            errors.push({ code: 'InvalidQuotes', record: r, byteOffset: open })
        }
        starts[f] = open
        ends[f] = close
        flags[f] = flag
        f++
        if (stop === -1) {
          atEnd = true
          endsRecord = true
        } else if (bytes[stop] === delimiter) {
          i = stop + 1
          endsRecord = false
        } else {
          i = stop + nlLen
          endsRecord = true
        }
      } else {
        // The field ends at the first delimiter or newline byte. This is the hot loop (14 of 15 fields
        // in the bench are unquoted), so the word-at-a-time search is written out here, not called.
        let j = i
        for (;;) {
          let found = false
          while (j < n && (j & 3) !== 0) {
            const c = bytes[j]
            if (c === delimiter || c === nl0) {
              found = true
              break
            }
            j++
          }
          if (!found && words !== null && j < n) {
            let w = j >> 2
            for (; w < wordCount; w++) {
              const word = words[w]!
              const d = word ^ delimiterWord
              const l = word ^ newlineWord
              // A byte of d or l is 0 where the word holds a delimiter or newline byte; the lowest
              // flagged byte is exactly the first one (borrows only run upwards from a zero byte).
              const zeros = (((d - 0x01010101) & ~d) | ((l - 0x01010101) & ~l)) & 0x80808080
              if (zeros !== 0) {
                j = (w << 2) + ((31 - Math.clz32(zeros & -zeros)) >> 3)
                found = true
                break
              }
            }
            if (!found) j = w << 2
          }
          if (!found) {
            while (j < n) {
              const c = bytes[j]
              if (c === delimiter || c === nl0) break
              j++
            }
          }
          // In a CRLF file a CR without LF is text.
          if (crlf && j < n && bytes[j] === CR && (j + 1 === n || bytes[j + 1] !== LF)) {
            j++
            continue
          }
          break
        }
        starts[f] = i
        ends[f] = j
        f++
        if (j === n) {
          atEnd = true
          endsRecord = true
        } else if (bytes[j] === delimiter) {
          i = j + 1
          endsRecord = false
        } else {
          i = j + nlLen
          endsRecord = true
        }
      }
      if (endsRecord) {
        r++
        if (r === recordCap) {
          recordCap *= 2
          records = grow32(records, recordCap + 1)
        }
        records[r] = f
        if (atEnd) break
        if (i >= nextProgress) {
          onProgress?.(i, r)
          nextProgress = i + PROGRESS_STEP
        }
      }
    }
  }
  onProgress?.(n, r)

  return {
    bytes,
    delimiter,
    quote,
    newline,
    recordCount: r,
    recordStart: records.subarray(0, r + 1),
    fieldStart: starts.subarray(0, f),
    fieldEnd: ends.subarray(0, f),
    fieldFlags: flags.subarray(0, f),
    errors,
    errorCount,
  }
}

/**
 * The newline papaparse would pick for this text (it guesses once, from the first chunk, and uses that
 * sequence for the whole input). Papa's guess is not exported, so ask Papa.parse for its linebreak; the
 * delimiter is given only to skip the delimiter guess.
 */
export function guessNewline(sample: string, quote = '"'): CsvNewline {
  const { linebreak } = Papa.parse<string[]>(sample, { preview: 1, delimiter: ',', quoteChar: quote }).meta
  return linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n'
}

function checkOptions(delimiter: number, quote: number, newline: string): void {
  const ascii = (byte: number) => Number.isInteger(byte) && byte >= 0 && byte < 0x80
  if (!ascii(quote) || quote === CR || quote === LF) throw new RangeError(`invalid quote byte ${quote}`)
  // papaparse refuses CR, LF and `"` as delimiters; multi-byte delimiters are not supported here.
  if (
    !ascii(delimiter) ||
    delimiter === CR ||
    delimiter === LF ||
    delimiter === 0x22 ||
    delimiter === quote
  ) {
    throw new RangeError(`invalid delimiter byte ${delimiter}`)
  }
  if (newline !== '\n' && newline !== '\r\n' && newline !== '\r') throw new RangeError('invalid newline')
}

/**
 * Capacity for the field and record arrays. Small inputs get an exact upper bound (every field but the
 * last ends at a delimiter or newline byte); large ones extrapolate the first 64 KiB with 25 % to
 * spare, which is nearly free: pages of a typed array that are never written are never resident.
 */
function estimateCounts(bytes: Uint8Array, from: number, delimiter: number, nl0: number) {
  const n = bytes.length
  const end = Math.min(n, from + SAMPLE_BYTES)
  let separators = 0
  let newlines = 0
  for (let k = from; k < end; k++) {
    const c = bytes[k]
    if (c === delimiter) separators++
    else if (c === nl0) newlines++
  }
  if (end === n) return { fields: separators + newlines + 1, records: newlines + 1 }
  const scale = ((n - from) / (end - from)) * 1.25
  return {
    fields: Math.ceil((separators + newlines + 1) * scale) + 1024,
    records: Math.ceil((newlines + 1) * scale) + 1024,
  }
}

function grow32(array: Uint32Array, capacity: number): Uint32Array {
  const bigger = new Uint32Array(capacity)
  bigger.set(array)
  return bigger
}

/** Position of the first `byte` at or after `from`, or the input length; `pattern` is the byte × ONES. */
function findByte(
  bytes: Uint8Array,
  words: Int32Array | null,
  from: number,
  byte: number,
  pattern: number,
): number {
  const n = bytes.length
  let p = from
  while (p < n && (p & 3) !== 0) {
    if (bytes[p] === byte) return p
    p++
  }
  if (words !== null && p < n) {
    let w = p >> 2
    for (; w < words.length; w++) {
      const x = words[w]! ^ pattern
      if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break
    }
    p = w << 2
  }
  while (p < n && bytes[p] !== byte) p++
  return p
}

/**
 * After a quote inside a quoted field that is not followed by a delimiter or the newline: papaparse
 * still closes the field there if only whitespace (`String.prototype.trim`'s set) comes before the
 * next delimiter or newline. Returns that delimiter/newline position, or -1 (a stray quote).
 */
function skipWhitespace(
  bytes: Uint8Array,
  from: number,
  delimiter: number,
  nl0: number,
  crlf: boolean,
): number {
  const n = bytes.length
  let p = from
  while (p < n) {
    const c = bytes[p]
    if (c === delimiter) return p
    if (c === nl0 && (!crlf || (p + 1 < n && bytes[p + 1] === LF))) return p
    const width = whitespaceWidth(bytes, p)
    if (width === 0) return -1
    p += width
  }
  return -1
}

/** UTF-8 length of the JS whitespace character at p (WhiteSpace or LineTerminator), else 0. */
function whitespaceWidth(bytes: Uint8Array, p: number): number {
  const c = bytes[p]!
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 1
  if (c < 0xc2 || c > 0xef) return 0
  const b1 = p + 1 < bytes.length ? bytes[p + 1]! : 0
  if (c === 0xc2) return b1 === 0xa0 ? 2 : 0 // U+00A0
  const b2 = p + 2 < bytes.length ? bytes[p + 2]! : 0
  switch (c) {
    case 0xe1: // U+1680
      return b1 === 0x9a && b2 === 0x80 ? 3 : 0
    case 0xe2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
      if (b1 === 0x80) return (b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf ? 3 : 0
      return b1 === 0x81 && b2 === 0x9f ? 3 : 0
    case 0xe3: // U+3000
      return b1 === 0x80 && b2 === 0x80 ? 3 : 0
    case 0xef: // U+FEFF
      return b1 === 0xbb && b2 === 0xbf ? 3 : 0
    default:
      return 0
  }
}

/*
 * Measurements (1,000,000 rows × 15 columns, 172 MB, bench/ingest.bench.ts; scanCsv alone, one cold
 * run per process, median of 7, this 2-core VM, Node 24.21):
 * - Byte at a time (`c === delimiter || c === nl0`), quotes found with Uint8Array#indexOf: ≈ 650 ms.
 *   indexOf costs ≈ 37 ns a call (5.5 M quotes: 200 ms just to hop between them), so a byte loop for
 *   the quote is faster on short quoted fields: ≈ 575 ms. Buffer#indexOf is no faster.
 * - A 256-entry stop table instead of the two comparisons: ≈ 8 % slower.
 * - Four bytes at a time (SWAR on an Int32Array view) for the unquoted search: ≈ 430 ms. The same for
 *   the quote search changes nothing measurable here (quoted fields are short) and is kept for long
 *   quoted notes and addresses.
 * - The unquoted search as a helper function instead of written out in the loop: ≈ 467 ms (+8 %).
 * - `const HIGHS = 0x80808080 | 0` at module level instead of the literal: 620–790 ms. It is not a
 *   small integer, so V8 loads it as a heap number and the mask arithmetic goes through floats.
 * - Writing 120 MB of fresh typed arrays costs ≈ 80 ms of page faults on this VM; over-allocated
 *   capacity that is never written costs nothing, hence the generous estimate instead of trimming.
 * - For reference, a loop that only counts delimiter and newline bytes: 260 ms; reading the file:
 *   ≈ 100 ms; Buffer isUtf8: ≈ 18 ms.
 */
