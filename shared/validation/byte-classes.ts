// Character classes of ASCII bytes, for the byte forms of rules (ValueRuleOnBytes and the engine's
// fast path): a regex needs a string, and making one per cell is what those forms avoid.

export function isAsciiDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39
}

export function isAsciiLetter(byte: number): boolean {
  const lower = byte | 0x20
  return lower >= 0x61 && lower <= 0x7a
}

/** The characters phone normalisation removes (normaliseToE164, Thulium's normalisePhone): ASCII spaces and ( ) . - / */
export function isPhonePunctuation(byte: number): boolean {
  return (
    byte === 0x20 ||
    (byte >= 0x09 && byte <= 0x0d) ||
    byte === 0x28 ||
    byte === 0x29 ||
    byte === 0x2e ||
    byte === 0x2d ||
    byte === 0x2f
  )
}

/** The two ASCII digits at `at` as a number, or -1. */
export function twoDigitsAt(bytes: Uint8Array, at: number): number {
  const high = bytes[at]!
  const low = bytes[at + 1]!
  return isAsciiDigit(high) && isAsciiDigit(low) ? (high - 0x30) * 10 + (low - 0x30) : -1
}

/** The bytes `is` accepts, as a table (1 or 0): one load per byte in the loops that run over every cell. */
export function byteTable(is: (byte: number) => boolean): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, byte) => (is(byte) ? 1 : 0))
}

/** Whether every byte of [start, end) is one `table` accepts (byteTable). */
export function allBytesIn(table: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (table[bytes[at]!] !== 1) return false
  return true
}
