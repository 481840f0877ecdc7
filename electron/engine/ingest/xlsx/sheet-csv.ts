import { numericCellText } from './cell-text.ts'
import type { CellFormat } from './number-formats.ts'
import { attribute, GT, isTag, LT, SLASH, startsWithAt, textBetween, unescapeExcel } from './xml-text.ts'

// One worksheet's cells, written out as CSV text (one line per sheet row, blank rows included so
// every row keeps its source row number) for the same indexing path as CSV files. Scans the sheet's
// XML bytes directly; see xml-text.ts for why.

export interface SheetContext {
  strings: readonly string[]
  formats: readonly CellFormat[]
  date1904: boolean
}

export interface SheetCsv {
  bytes: Uint8Array
  rows: number
  columns: number
}

const QUOTE_NEEDED = /[",\r\n]/
const CHUNK_LINES = 10_000

function csvField(text: string): string {
  return QUOTE_NEEDED.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** "A" → 0, "Z" → 25, "AA" → 26, from a cell reference like "AB12". */
function columnOf(ref: string): number {
  let column = 0
  for (let index = 0; index < ref.length; index++) {
    const code = ref.charCodeAt(index)
    if (code < 65 || code > 90) break
    column = column * 26 + (code - 64)
  }
  return column - 1
}

/** The sheet's width from `<dimension ref="A1:O2001"/>`, or from every cell reference when absent. */
function sheetWidth(xml: Buffer): number {
  const dimension = xml.indexOf('<dimension')
  if (dimension !== -1) {
    const ref = attribute(xml, dimension + 1, xml.indexOf(GT, dimension), 'ref')
    const last = ref?.split(':').at(-1)
    if (last) return columnOf(last) + 1
  }
  let width = 0
  for (let at = xml.indexOf('<c '); at !== -1; at = xml.indexOf('<c ', at + 3)) {
    const ref = attribute(xml, at + 1, xml.indexOf(GT, at), 'r')
    if (ref) width = Math.max(width, columnOf(ref) + 1)
  }
  return width
}

/** Text of all `<t>` elements in [start, end), phonetic runs excluded (inline strings). */
function inlineText(xml: Buffer, start: number, end: number): string {
  let text = ''
  let phonetic = false
  for (let at = xml.indexOf(LT, start); at !== -1 && at < end; at = xml.indexOf(LT, at + 1)) {
    if (isTag(xml, at + 1, 'rPh')) phonetic = true
    else if (startsWithAt(xml, at + 1, '/rPh>')) phonetic = false
    else if (!phonetic && isTag(xml, at + 1, 't')) {
      const open = xml.indexOf(GT, at)
      if (xml[open - 1] === SLASH) continue
      const close = xml.indexOf(LT, open)
      text += textBetween(xml, open + 1, close)
      at = close
    }
  }
  return unescapeExcel(text)
}

const QUOTE = 0x22
const WHITESPACE = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09

/** The attributes of a `<c>` tag that matter, read straight from the bytes (they are ASCII). */
interface CellTag {
  column: number // -1 when the cell has no reference
  style: number
  type: number // first byte of `t`, 0 when absent; 0x49 'I' stands for inlineStr, 0x53 'S' for str
}

function readCellTag(xml: Buffer, start: number, end: number, tag: CellTag): void {
  tag.column = -1
  tag.style = 0
  tag.type = 0
  for (let at = start; at < end; at++) {
    if (!WHITESPACE(xml[at - 1]) || xml[at + 1] !== 0x3d /* = */ || xml[at + 2] !== QUOTE) continue
    const key = xml[at]
    let value = at + 3
    if (key === 0x72 /* r */) {
      let column = 0
      for (let code = xml[value]!; code >= 65 && code <= 90; code = xml[++value]!)
        column = column * 26 + code - 64
      tag.column = column - 1
    } else if (key === 0x73 /* s */) {
      let style = 0
      for (let code = xml[value]!; code >= 48 && code <= 57; code = xml[++value]!)
        style = style * 10 + code - 48
      tag.style = style
    } else if (key === 0x74 /* t */) {
      const first = xml[value]!
      const second = xml[value + 1]
      tag.type = first === 0x69 /* i */ ? 0x49 : first === 0x73 && second === 0x74 /* st */ ? 0x53 : first
    }
    at = xml.indexOf(QUOTE, value) // skip the value
  }
}

function parseIndex(xml: Buffer, start: number, end: number): number {
  let value = 0
  for (let at = start; at < end; at++) value = value * 10 + xml[at]! - 48
  return value
}

/**
 * The text of the cell whose content spans from `start` (after its start tag) to its `</c>`, and
 * where that end tag is. Formulas (`<f>`) are skipped: the cached value in `<v>` is what Excel shows.
 */
function readCellContent(xml: Buffer, start: number, tag: CellTag, context: SheetContext): [string, number] {
  let text = ''
  for (let at = xml.indexOf(LT, start); at !== -1; at = xml.indexOf(LT, at + 1)) {
    const next = xml[at + 1]
    if (next === SLASH && xml[at + 2] === 0x63 /* c */ && xml[at + 3] === GT) return [text, at + 4]
    if (next === 0x69 /* i */ && xml[at + 2] === 0x73 /* s */) {
      const close = xml.indexOf('</is>', at)
      text = inlineText(xml, at, close)
      at = close
    } else if (next === 0x76 /* v */ && (xml[at + 2] === GT || WHITESPACE(xml[at + 2]))) {
      const open = xml.indexOf(GT, at)
      const close = xml.indexOf(LT, open)
      text = valueText(xml, open + 1, close, tag, context)
      at = close
    } else if (next === 0x66 /* f */) {
      const open = xml.indexOf(GT, at)
      if (xml[open - 1] !== SLASH) at = xml.indexOf(LT, open) // skip the formula's text
    }
  }
  return [text, xml.length]
}

function valueText(xml: Buffer, start: number, end: number, tag: CellTag, context: SheetContext): string {
  switch (tag.type) {
    case 0x73: // s: shared string
      return context.strings[parseIndex(xml, start, end)] ?? ''
    case 0x53: // str: formula text
    case 0x65: // e: error such as #N/A, shown as Excel shows it
      return unescapeExcel(textBetween(xml, start, end))
    case 0x62: // b
      return xml[start] === 0x31 ? 'TRUE' : 'FALSE'
    case 0x64: // d: an ISO date
      return textBetween(xml, start, end).replace(/T00:00:00(\.000)?Z?$/, '')
    default:
      return numericCellText(xml.toString('latin1', start, end), context.formats[tag.style], context.date1904)
  }
}

export function sheetToCsv(
  sheetXml: Uint8Array,
  context: SheetContext,
  onProgress?: (scanned: number) => void,
): SheetCsv {
  const xml = Buffer.from(sheetXml.buffer, sheetXml.byteOffset, sheetXml.byteLength)
  const width = sheetWidth(xml)
  const chunks: Buffer[] = []
  let lines: string[] = []
  let cells: string[] = []
  let rowNumber = 0
  let nextColumn = 0
  const flushLines = () => {
    chunks.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'))
    lines = []
    onProgress?.(lastAt)
  }
  const endRow = () => {
    const padded =
      cells.length < width ? cells.concat(new Array<string>(width - cells.length).fill('')) : cells
    lines.push(padded.map((text) => (text === undefined ? '' : csvField(text))).join(','))
    if (lines.length >= CHUNK_LINES) flushLines()
  }
  let lastAt = 0
  const tag: CellTag = { column: -1, style: 0, type: 0 }
  const dataStart = xml.indexOf('<sheetData')
  for (let at = dataStart === -1 ? -1 : xml.indexOf(LT, dataStart + 1); at !== -1;) {
    lastAt = at
    const name = at + 1
    if (
      xml[name] === 0x63 /* c */ &&
      (WHITESPACE(xml[name + 1]) || xml[name + 1] === GT || xml[name + 1] === SLASH)
    ) {
      const tagEnd = xml.indexOf(GT, name)
      readCellTag(xml, name + 1, tagEnd, tag)
      const column = tag.column === -1 ? nextColumn : tag.column
      nextColumn = column + 1
      if (xml[tagEnd - 1] === SLASH) {
        at = xml.indexOf(LT, tagEnd)
        continue
      }
      const [text, after] = readCellContent(xml, tagEnd + 1, tag, context)
      while (cells.length < column) cells.push('')
      cells[column] = text
      at = xml.indexOf(LT, after)
      continue
    }
    if (isTag(xml, name, 'row')) {
      const tagEnd = xml.indexOf(GT, name)
      const ref = attribute(xml, name, tagEnd, 'r')
      const number = ref ? Number(ref) : rowNumber + 1
      // Rows Excel did not store are empty rows: keep them so row numbers match the sheet.
      for (let blank = rowNumber + 1; blank < number; blank++) {
        cells = []
        endRow()
      }
      rowNumber = number
      cells = []
      nextColumn = 0
      if (xml[tagEnd - 1] === SLASH) endRow()
      at = xml.indexOf(LT, tagEnd)
      continue
    }
    if (startsWithAt(xml, name, '/row>')) endRow()
    else if (startsWithAt(xml, name, '/sheetData>')) break
    at = xml.indexOf(LT, name)
  }
  if (lines.length > 0) flushLines()
  return { bytes: Buffer.concat(chunks), rows: rowNumber, columns: width }
}
