import { isAsciiDigit, isPhonePunctuation } from '../../validation/byte-classes.ts'
import type { ValueRuleOnBytes } from '../types.ts'

/** THULIUM_VALUE_RULES as byte checks (ValueRuleOnBytes). */
export const THULIUM_VALUE_RULES_ON_BYTES: Readonly<Record<string, ValueRuleOnBytes>> = {
  phone_number: isThuliumPhoneBytes,
}

/**
 * isNumericPhone(normalisePhone(value)): with punctuation removed, and then a leading + (or else a
 * leading 00), 3 to 20 digits.
 */
function isThuliumPhoneBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let plus = false
  let digits = 0
  let leadingZeros = 0
  for (let at = start; at < end; at++) {
    const byte = bytes[at]!
    if (isPhonePunctuation(byte)) continue
    if (byte === 0x2b && !plus && digits === 0) {
      plus = true
      continue
    }
    if (!isAsciiDigit(byte)) return false
    if (byte === 0x30 && leadingZeros === digits) leadingZeros++
    digits++
  }
  const kept = !plus && leadingZeros >= 2 ? digits - 2 : digits
  return kept >= 3 && kept <= 20
}
