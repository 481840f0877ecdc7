import { attribute, GT, isTag, LT } from './xml-text.ts'

// What each cell style's number format means for the text Crosswalk shows: a date, a time, a number
// padded with leading zeros ("00000" for postcodes and ids), or a plain number.

export type CellFormat = { kind: 'general' } | { kind: 'date' } | { kind: 'zero-padded'; width: number }

const GENERAL: CellFormat = { kind: 'general' }
const DATE: CellFormat = { kind: 'date' }

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the East Asian ones).
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
])

/** A format code shows a date when it has date/time letters outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!
  return /[dmyhs]/i.test(bare) && !/^[#0.,\s%]*$/.test(bare)
}

function classify(numFmtId: number, code: string | undefined): CellFormat {
  if (code === undefined) return BUILTIN_DATE_IDS.has(numFmtId) ? DATE : GENERAL
  if (/^0+$/.test(code)) return { kind: 'zero-padded', width: code.length }
  return isDateFormatCode(code) ? DATE : GENERAL
}

/** One CellFormat per cell style index (`s` attribute of a cell), from xl/styles.xml. */
export function readCellFormats(xml: Uint8Array | undefined): CellFormat[] {
  if (!xml) return []
  const codes = new Map<number, string>()
  const formats: CellFormat[] = []
  let inCellXfs = false
  for (let at = xml.indexOf(LT); at !== -1; at = xml.indexOf(LT, at + 1)) {
    const name = at + 1
    const end = xml.indexOf(GT, name)
    if (isTag(xml, name, 'numFmt')) {
      const id = Number(attribute(xml, name, end, 'numFmtId'))
      const code = attribute(xml, name, end, 'formatCode')
      if (code !== null) codes.set(id, code)
    } else if (isTag(xml, name, 'cellXfs')) {
      inCellXfs = true
    } else if (isTag(xml, name, '/cellXfs')) {
      inCellXfs = false
    } else if (inCellXfs && isTag(xml, name, 'xf')) {
      const id = Number(attribute(xml, name, end, 'numFmtId') ?? 0)
      formats.push(classify(id, codes.get(id)))
    }
  }
  return formats
}
