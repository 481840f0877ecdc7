import {
  allBytesIn,
  byteTable,
  isAsciiDigit,
  isAsciiLetter,
  twoDigitsAt,
} from '../../validation/byte-classes.ts'
import type { ValueRuleOnBytes } from '../types.ts'
import { NAME_MAX_LENGTH } from './schema.ts'

/**
 * CAPILLARY_VALUE_RULES as byte checks (ValueRuleOnBytes): the email's character set, the one
 * registration date format, and names written in the scripts most customer files use.
 */
export const CAPILLARY_VALUE_RULES_ON_BYTES: Readonly<Record<string, ValueRuleOnBytes>> = {
  'identifiers.email': (bytes, start, end) => end > start && allBytesIn(EMAIL_CHARACTERS, bytes, start, end),
  createDate: isCreateDateBytes,
  firstName: isPlainNameBytes,
  lastName: isPlainNameBytes,
}

/**
 * A name the rule accepts as it is: no longer than NAME_MAX_LENGTH (its UTF-16 length is at most its
 * byte count), of letters, digits, spaces, hyphens and apostrophes (NAME_CHARACTERS). Letters are
 * taken from blocks that hold nothing else — ASCII, Latin-1 and Latin Extended, IPA, Cyrillic, kana,
 * CJK ideographs — so this never needs Unicode's tables; other letters are asked of the text. A test
 * walks every code point these accept through NAME_CHARACTERS.
 */
function isPlainNameBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start > NAME_MAX_LENGTH) return false
  for (let at = start; at < end;) {
    const lead = bytes[at]!
    if (lead < 0x80) {
      if (NAME_ASCII[lead] !== 1) return false
      at += 1
    } else if (lead >= 0xc3 && lead <= 0xd3 && at + 1 < end && isContinuation(bytes[at + 1]!)) {
      const code = ((lead & 0x1f) << 6) | (bytes[at + 1]! & 0x3f)
      // U+00C0–U+04FF without × ÷ and ҂ (U+0482), the only non-letters among them past U+00BF.
      if (code < 0xc0 || code === 0xd7 || code === 0xf7 || (code >= 0x250 && code < 0x400) || code === 0x482)
        return false
      at += 2
    } else if (
      lead >= 0xe3 &&
      lead <= 0xe9 &&
      at + 2 < end &&
      isContinuation(bytes[at + 1]!) &&
      isContinuation(bytes[at + 2]!)
    ) {
      const code = ((lead & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f)
      const kana = (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa)
      const ideograph = code >= 0x4e00 && code <= 0x9fef
      if (!kana && !ideograph) return false
      at += 3
    } else if (lead === 0xe2 && at + 2 < end && bytes[at + 1] === 0x80 && bytes[at + 2] === 0x99) {
      at += 3 // ’, the typographic apostrophe
    } else return false
  }
  return true
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80
}

/** a-z, A-Z, 0-9 and - _ + . @ (EMAIL_CHARACTERS) */
const EMAIL_CHARACTERS = byteTable(
  (byte) =>
    isAsciiLetter(byte) ||
    isAsciiDigit(byte) ||
    byte === 0x2d ||
    byte === 0x5f ||
    byte === 0x2b ||
    byte === 0x2e ||
    byte === 0x40,
)

/** The ASCII a name may have (NAME_CHARACTERS): letters, digits, space, hyphen and apostrophe. */
const NAME_ASCII = byteTable(
  (byte) => isAsciiLetter(byte) || isAsciiDigit(byte) || byte === 0x20 || byte === 0x2d || byte === 0x27,
)

/** YYYY-MM-DDTHH:MM:SS+HH:MM (CREATE_DATE): digits where digits go, these separators between. */
function isCreateDateBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 25) return false
  for (const [offset, byte] of SEPARATORS) if (bytes[start + offset] !== byte) return false
  const sign = bytes[start + 19]
  if (sign !== 0x2b && sign !== 0x2d) return false
  for (const offset of DIGIT_PAIRS) if (twoDigitsAt(bytes, start + offset) < 0) return false
  return true
}

const SEPARATORS: readonly [number, number][] = [
  [4, 0x2d],
  [7, 0x2d],
  [10, 0x54],
  [13, 0x3a],
  [16, 0x3a],
  [22, 0x3a],
]
const DIGIT_PAIRS = [0, 2, 5, 8, 11, 14, 17, 20, 23]
