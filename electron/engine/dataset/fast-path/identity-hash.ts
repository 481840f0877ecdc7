// 32-bit FNV-1a hashes for the fast path. Above all of a customer identity key (identityKeyOf:
// "field\0value", over UTF-16 code units), computed either from the key string or from the identity
// cell's bytes, equal for equal keys either way: ASCII bytes are their own code units. Rows are
// grouped by this number and only rows with equal numbers are compared as strings, so a million
// unique customers cost a million numbers, not a million strings in a Map. VerdictCache keys cell
// values by the same hash of their bytes.

const OFFSET_BASIS = 0x811c9dc5 | 0 // as an int32, so the hash never leaves small integers
const PRIME = 0x01000193

function step(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, PRIME)
}

/** FNV-1a of the bytes [start, end) as they are (VerdictCache keys its values by it). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = OFFSET_BASIS
  for (let at = start; at < end; at++) hash = step(hash, bytes[at]!)
  return hash | 0
}

export function hashText(text: string, from = OFFSET_BASIS): number {
  let hash = from
  for (let i = 0; i < text.length; i++) hash = step(hash, text.charCodeAt(i))
  return hash | 0
}

/** The hash so far of `field\0`, to continue with the value's bytes. */
export function identityPrefixHash(field: string): number {
  return step(hashText(field), 0)
}

const UPPER_A = 0x41
const UPPER_Z = 0x5a

/**
 * The hash of `field\0value` from the value's bytes, continuing `prefix`; lower-cased when the key
 * compares in lower case (emails). -1 when the bytes are not all ASCII: that key is hashed from its
 * string (the caller asks again the ordinary way). Hashes are kept in the int32 range, so -1 is also
 * a possible hash; the caller treats it as "ask the ordinary way" too, which is only slower.
 */
export function hashAsciiBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  prefix: number,
  lowerCase: boolean,
): number {
  let hash = prefix
  for (let at = start; at < end; at++) {
    let byte = bytes[at]!
    if (byte >= 0x80) return -1
    if (lowerCase && byte >= UPPER_A && byte <= UPPER_Z) byte += 0x20
    hash = step(hash, byte)
  }
  return hash | 0
}
