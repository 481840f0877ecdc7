import { isAsciiDigit, isAsciiLetter, twoDigitsAt } from '../../validation/byte-classes.ts'
import type { ValueRuleOnBytes } from '../types.ts'

/**
 * CAPILLARY_VALUE_RULES as byte checks (ValueRuleOnBytes): the email's character set and the one
 * registration date format. Names, in any script, are checked as text.
 */
export const CAPILLARY_VALUE_RULES_ON_BYTES: Readonly<Record<string, ValueRuleOnBytes>> = {
  'identifiers.email': (bytes, start, end) => {
    for (let at = start; at < end; at++) if (!isEmailCharacter(bytes[at]!)) return false
    return end > start
  },
  createDate: isCreateDateBytes,
}

/** a-z, A-Z, 0-9 and - _ + . @ (EMAIL_CHARACTERS) */
function isEmailCharacter(byte: number): boolean {
  return (
    isAsciiLetter(byte) ||
    isAsciiDigit(byte) ||
    byte === 0x2d ||
    byte === 0x5f ||
    byte === 0x2b ||
    byte === 0x2e ||
    byte === 0x40
  )
}

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
