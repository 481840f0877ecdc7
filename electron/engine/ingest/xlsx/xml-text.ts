// Byte-level helpers for the XML of .xlsx parts. The parts are machine-written, UTF-8 and regular, so a
// small scanner over the bytes (no DOM, no SAX events per character) is both correct for them and an
// order of magnitude faster than general XML parsers on large sheets (see `npm run bench`).

const decoder = new TextDecoder('utf-8')
export const LT = 0x3c // <
export const GT = 0x3e // >
export const SLASH = 0x2f // /
const QUOTE = 0x22 // "
const APOSTROPHE = 0x27 // '

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML character references (`&amp;`, `&#228;`, `&#xE4;`). */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10))
    return NAMED[entity]!
  })
}

/** Excel's own escape for characters XML cannot hold (`_x000D_` for a carriage return). */
export function unescapeExcel(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

export function textBetween(bytes: Uint8Array, start: number, end: number): string {
  return unescapeXml(decoder.decode(bytes.subarray(start, end)))
}

/** Whether the bytes at `at` spell `word` (ASCII). */
export function startsWithAt(bytes: Uint8Array, at: number, word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    if (bytes[at + index] !== word.charCodeAt(index)) return false
  }
  return true
}

/** True when the tag name starting at `at` is exactly `name` (followed by space, `>` or `/`). */
export function isTag(bytes: Uint8Array, at: number, name: string): boolean {
  if (!startsWithAt(bytes, at, name)) return false
  const next = bytes[at + name.length]
  return next === 0x20 || next === GT || next === SLASH || next === 0x0a || next === 0x0d || next === 0x09
}

/**
 * The value of attribute `name` inside the tag spanning [start, end), or null. Matches whole
 * attribute names only (`r` never matches `spans`), with either quote style.
 */
export function attribute(bytes: Uint8Array, start: number, end: number, name: string): string | null {
  for (let at = start; at < end; at++) {
    const before = bytes[at - 1]
    if (before !== 0x20 && before !== 0x0a && before !== 0x0d && before !== 0x09) continue
    if (!startsWithAt(bytes, at, name) || bytes[at + name.length] !== 0x3d /* = */) continue
    const quote = bytes[at + name.length + 1]
    if (quote !== QUOTE && quote !== APOSTROPHE) continue
    const valueStart = at + name.length + 2
    const valueEnd = bytes.indexOf(quote, valueStart)
    if (valueEnd === -1 || valueEnd > end) return null
    return textBetween(bytes, valueStart, valueEnd)
  }
  return null
}
