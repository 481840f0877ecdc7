// The field rules of shared/validation/rules.ts, asked of a cell's UTF-8 bytes where they lie in the
// file, so that whole-file validation does not make a string of every cell (making them costs more
// than checking them). Each answers only "certainly fine": true when the string rule would find
// nothing wrong with the cell as read (trimmed, normalised), false when it is wrong *or* unusual
// (non-ASCII, surrounding spaces, escaped quotes), in which case the row is checked the ordinary way.
// A test feeds both the same awkward values, so the two cannot drift apart silently.

import { byteTable, isAsciiDigit, isPhonePunctuation, twoDigitsAt } from '#shared/validation/byte-classes.ts'

const SPACE = 0x20
const AT = 0x40
const DOT = 0x2e
const PLUS = 0x2b
const MINUS = 0x2d
const COLON = 0x3a
const DIGIT_0 = 0x30

/**
 * Whether a cell's text is the same after trim(): false when its first or last character is one of
 * the spaces trim() removes (ASCII spaces and controls are treated alike: such a cell is unusual).
 * Small, so it is inlined where it is asked, several times a row.
 */
export function isTrimmed(bytes: Uint8Array, start: number, end: number): boolean {
  if (CLEAR_FIRST[bytes[start]!] === 1 && CLEAR_LAST[bytes[end - 1]!] === 1) return true // the usual case
  return isTrimmedPastAscii(bytes, start, end)
}

/** The UTF-8 lead bytes of the non-ASCII spaces trim() removes (isUnicodeSpaceAt), and their last bytes. */
const SPACE_LEADS = [0xc2, 0xe1, 0xe2, 0xe3, 0xef]
const SPACE_LAST_BYTES = [
  0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x9f, 0xa0, 0xa8, 0xa9, 0xaf, 0xbf,
]
/**
 * Bytes a cell may start (CLEAR_FIRST) or end (CLEAR_LAST) with and certainly not start or end with
 * a space: printable ASCII, and the bytes no Unicode space starts or ends with. Most names in Cyrillic,
 * Polish or Japanese are settled by these two loads; the rest is asked character by character.
 */
const isPrintableAscii = (byte: number) => byte > SPACE && byte < 0x80
const CLEAR_FIRST = byteTable(
  (byte) => isPrintableAscii(byte) || (byte >= 0xc3 && !SPACE_LEADS.includes(byte)),
)
// Past ASCII a cell ends in a continuation byte (10xxxxxx) when it ends in a whole character.
const CLEAR_LAST = byteTable(
  (byte) => isPrintableAscii(byte) || (byte >= 0x80 && byte < 0xc0 && !SPACE_LAST_BYTES.includes(byte)),
)

/** Whether a cell starting with this byte starts with a character trim() keeps (so it is not empty once trimmed). */
export function startsClear(firstByte: number): boolean {
  return CLEAR_FIRST[firstByte] === 1
}

function isTrimmedPastAscii(bytes: Uint8Array, start: number, end: number): boolean {
  if (bytes[start]! <= SPACE || bytes[end - 1]! <= SPACE) return false
  if (bytes[start]! >= 0x80 && isUnicodeSpaceAt(bytes, start, end)) return false
  let last = end - 1
  if (bytes[last]! < 0x80) return true
  // Back from the continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (last > start && (bytes[last]! & 0xc0) === 0x80) last--
  return !isUnicodeSpaceAt(bytes, last, end)
}

/**
 * The non-ASCII spaces trim() removes, by their UTF-8 bytes: U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+FEFF.
 */
function isUnicodeSpaceAt(bytes: Uint8Array, at: number, end: number): boolean {
  const lead = bytes[at]!
  const second = at + 1 < end ? bytes[at + 1]! : -1
  if (lead === 0xc2) return second === 0xa0
  const third = at + 2 < end ? bytes[at + 2]! : -1
  switch (lead) {
    case 0xe1:
      return second === 0x9a && third === 0x80
    case 0xe2:
      if (second === 0x80)
        return (third >= 0x80 && third <= 0x8a) || third === 0xa8 || third === 0xa9 || third === 0xaf
      return second === 0x81 && third === 0x9f
    case 0xe3:
      return second === 0x80 && third === 0x80
    case 0xef:
      return second === 0xbb && third === 0xbf
    default:
      return false
  }
}

// Byte classes by table: one load per byte in the loops that every email and phone of a file runs.
const OTHER = 0
const ORDINARY = 1
const DIGIT = 2
const PUNCTUATION = 3
const EMAIL_CLASS = new Uint8Array(256)
const PHONE_CLASS = new Uint8Array(256)
for (let byte = 0; byte < 256; byte++) {
  EMAIL_CLASS[byte] = byte > SPACE && byte < 0x7f && byte !== AT && byte !== DOT ? ORDINARY : OTHER
  PHONE_CLASS[byte] = isAsciiDigit(byte) ? DIGIT : isPhonePunctuation(byte) ? PUNCTUATION : OTHER
}

/**
 * checkEmail: one @ with something before it and a dotted domain after it (rules.ts EMAIL), in
 * printable ASCII (anything else is left to the regex).
 */
export function isEmailBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let at = -1
  /** Where the current domain label started, and how many labels ended so far. */
  let label = -1
  let labels = 0
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!
    if (EMAIL_CLASS[byte] === ORDINARY) continue
    if (byte === AT) {
      if (at !== -1 || i === start) return false
      at = i
      label = i + 1
    } else if (byte === DOT) {
      if (at === -1) continue // dots before the @ are ordinary
      if (i === label) return false // an empty label
      labels++
      label = i + 1
    } else return false // a space, a control or past ASCII
  }
  return at !== -1 && label < end && labels >= 1
}

/**
 * checkE164Phone after normaliseToE164, and the normalised number no longer than `maxLength`, for
 * numbers written the usual ways: "+48 600-100-200", "0048 (600) 100 200". A number whose + or 00
 * does not come first is left to the text rules.
 */
export function isE164PhoneBytes(bytes: Uint8Array, start: number, end: number, maxLength: number): boolean {
  let i: number
  if (bytes[start] === PLUS) i = start + 1
  else if (end - start > 2 && bytes[start] === DIGIT_0 && bytes[start + 1] === DIGIT_0) i = start + 2
  else return false
  let digits = 0
  for (; i < end; i++) {
    const kind = PHONE_CLASS[bytes[i]!]
    if (kind === DIGIT) {
      if (digits === 0 && bytes[i] === DIGIT_0) return false // E.164 country codes never start with 0
      digits++
    } else if (kind !== PUNCTUATION) return false
  }
  return digits >= 7 && digits <= 15 && digits + 1 <= maxLength
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** YYYY-MM-DD at `start`, a real calendar day (rules.ts isCalendarDate). */
function isCalendarDateAt(bytes: Uint8Array, start: number): boolean {
  const century = twoDigitsAt(bytes, start)
  const yearOfCentury = twoDigitsAt(bytes, start + 2)
  if (century < 0 || yearOfCentury < 0 || bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS)
    return false
  const month = twoDigitsAt(bytes, start + 5)
  const day = twoDigitsAt(bytes, start + 8)
  if (month < 1 || month > 12 || day < 1) return false
  const year = century * 100 + yearOfCentury
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)
}

/** checkDate: exactly YYYY-MM-DD, a real day. */
export function isDateBytes(bytes: Uint8Array, start: number, end: number): boolean {
  return end - start === 10 && isCalendarDateAt(bytes, start)
}

/**
 * checkDateTime: a date, optionally with a time (T or space, HH:MM, optional :SS and .fff) and a zone
 * (Z, ±HH:MM or ±HHMM) — rules.ts ISO_DATE_TIME.
 */
export function isDateTimeBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < 10 || !isCalendarDateAt(bytes, start)) return false
  let at = start + 10
  if (at === end) return true
  const separator = bytes[at]
  if (separator !== 0x54 && separator !== SPACE) return false
  if (
    end - at < 6 ||
    twoDigitsAt(bytes, at + 1) < 0 ||
    bytes[at + 3] !== COLON ||
    twoDigitsAt(bytes, at + 4) < 0
  )
    return false
  at += 6
  if (at < end && bytes[at] === COLON) {
    if (end - at < 3 || twoDigitsAt(bytes, at + 1) < 0) return false
    at += 3
    if (at < end && bytes[at] === DOT) {
      let fraction = 0
      at++
      while (at < end && isAsciiDigit(bytes[at]!) && fraction < 4) {
        fraction++
        at++
      }
      if (fraction < 1 || fraction > 3) return false
    }
  }
  if (at === end) return true
  const zone = bytes[at]
  if (zone === 0x5a) return at + 1 === end
  if (zone !== PLUS && zone !== MINUS) return false
  if (twoDigitsAt(bytes, at + 1) < 0) return false
  at += 3
  if (at < end && bytes[at] === COLON) at++
  return end - at === 2 && twoDigitsAt(bytes, at) >= 0
}
