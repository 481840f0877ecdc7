import { allBytesIn, byteTable, isAsciiLetter } from '../../validation/byte-classes.ts'
import type { ValueRuleOnBytes } from '../types.ts'

/**
 * OMNIDESK_VALUE_RULES as byte checks (ValueRuleOnBytes): a name of ASCII letters, spaces, dots,
 * hyphens and apostrophes matches OMNIDESK_NAME_PATTERN as it is. Names with other letters (the
 * pattern's Latin-1 ones, or ones it suggests a spelling for) are checked as text.
 */
const isPlainName: ValueRuleOnBytes = (bytes, start, end) => allBytesIn(PLAIN_NAME_BYTES, bytes, start, end)

const PLAIN_NAME_BYTES = byteTable(
  (byte) => isAsciiLetter(byte) || byte === 0x20 || byte === 0x2e || byte === 0x2d || byte === 0x27,
)

export const OMNIDESK_VALUE_RULES_ON_BYTES: Readonly<Record<string, ValueRuleOnBytes>> = {
  firstname: isPlainName,
  lastname: isPlainName,
}
