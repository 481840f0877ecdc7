import { unescapeExcel, unescapeXml } from './xml-text.ts'

/**
 * The shared string table: cell text is stored once here and referenced by index. Rich text (`<r>`
 * runs) is joined; phonetic guides (`<rPh>`, Japanese readings) are not part of the cell's text.
 * Decoded to one string first: one UTF-8 decode of the part is much faster than one per item.
 */
export function readSharedStrings(xml: Uint8Array | undefined): string[] {
  const strings: string[] = []
  if (!xml) return strings
  const text = new TextDecoder('utf-8').decode(xml)
  for (let item = text.indexOf('<si'); item !== -1; item = text.indexOf('<si', item + 3)) {
    const after = text.charCodeAt(item + 3)
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) continue // e.g. <sign>, not <si>
    const open = text.indexOf('>', item)
    if (text.charCodeAt(open - 1) === 0x2f) {
      strings.push('') // <si/>
      continue
    }
    const end = text.indexOf('</si>', open)
    strings.push(itemText(text, open + 1, end))
    item = end
  }
  return strings
}

function itemText(text: string, start: number, end: number): string {
  // The common case, one plain <t>: no runs, no phonetic guide.
  const first = text.indexOf('<t', start)
  if (first === -1 || first > end) return ''
  const firstOpen = text.indexOf('>', first)
  const firstClose = text.indexOf('</t>', firstOpen)
  if (firstClose + 4 === end && text.charCodeAt(first + 2) !== 0x2f) {
    return unescapeExcel(unescapeXml(text.slice(firstOpen + 1, firstClose)))
  }
  let result = ''
  for (let at = text.indexOf('<', start); at !== -1 && at < end; at = text.indexOf('<', at + 1)) {
    if (text.startsWith('<rPh', at)) {
      at = text.indexOf('</rPh>', at) // a reading aid, not part of the text
      continue
    }
    const next = text.charCodeAt(at + 2)
    if (text.charCodeAt(at + 1) !== 0x74 /* t */ || (next !== 0x3e && next !== 0x20)) continue
    const open = text.indexOf('>', at)
    const close = text.indexOf('</t>', open)
    result += text.slice(open + 1, close)
    at = close
  }
  return unescapeExcel(unescapeXml(result))
}
