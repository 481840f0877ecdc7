import { strToU8, zipSync } from 'fflate'

// Writes small, standards-conformant .xlsx workbooks for tests and the benchmark: the parts Excel
// itself writes (content types, relationships, workbook, styles, shared strings, sheets), with
// hidden sheets, dates (a date number format), numbers, booleans and text, so the reader is tested
// against the structures real files have rather than against its own assumptions.

export type XlsxCell =
  | string
  | number
  | boolean
  | Date
  | null
  | { date: Date }
  | { formatted: number; format: string }
  /** A string stored in the cell itself (`t="inlineStr"`), as some exporters write them. */
  | { inline: string }

export interface XlsxSheet {
  name: string
  state?: 'visible' | 'hidden' | 'veryHidden'
  rows: XlsxCell[][]
  /** e.g. ["A1:C1"] */
  merges?: string[]
  /** Excel always writes `<dimension>`; some exporters do not. Default true. */
  dimension?: boolean
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

// Style 0: General; 1: built-in date format 14 (m/d/yyyy); 2: date-time (22); 3+: custom formats.
const BUILTIN_STYLES = [
  '<xf numFmtId="0"/>',
  '<xf numFmtId="14" applyNumberFormat="1"/>',
  '<xf numFmtId="22" applyNumberFormat="1"/>',
]

export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  const strings = new Map<string, number>()
  const customFormats = new Map<string, number>()
  const stringIndex = (text: string) => {
    let index = strings.get(text)
    if (index === undefined) {
      index = strings.size
      strings.set(text, index)
    }
    return index
  }
  const styleFor = (format: string) => {
    let style = customFormats.get(format)
    if (style === undefined) {
      style = BUILTIN_STYLES.length + customFormats.size
      customFormats.set(format, style)
    }
    return style
  }

  const cellXml = (cell: XlsxCell, ref: string): string => {
    if (cell === null || cell === '') return ''
    if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`
    if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`
    if (cell instanceof Date) {
      const serial = (cell.getTime() - EXCEL_EPOCH_MS) / 86_400_000
      const style = Number.isInteger(serial) ? 1 : 2
      return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`
    }
    if ('date' in cell) return cellXml(cell.date, ref)
    if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`
    return `<c r="${ref}" s="${styleFor(cell.format)}"><v>${cell.formatted}</v></c>`
  }

  const sheetXml = sheets.map((sheet) => {
    const width = sheet.rows.reduce((widest, cells) => Math.max(widest, cells.length), 1)
    const dimension =
      sheet.dimension === false || sheet.rows.length === 0
        ? ''
        : `<dimension ref="A1:${columnName(width - 1)}${sheet.rows.length}"/>`
    const rows = sheet.rows
      .map((cells, rowIndex) => {
        if (cells.every((cell) => cell === null || cell === '')) return '' // Excel leaves empty rows out
        const xml = cells
          .map((cell, column) => cellXml(cell, `${columnName(column)}${rowIndex + 1}`))
          .join('')
        return `<row r="${rowIndex + 1}">${xml}</row>`
      })
      .join('')
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
      : ''
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${rows}</sheetData>${merges}</worksheet>`
  })

  const sheetEntries = sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${sheet.state && sheet.state !== 'visible' ? ` state="${sheet.state}"` : ''} r:id="rId${index + 1}"/>`,
    )
    .join('')
  const numFmts = [...customFormats.entries()]
    .map(
      ([format, style]) =>
        `<numFmt numFmtId="${164 + style - BUILTIN_STYLES.length}" formatCode="${escapeXml(format)}"/>`,
    )
    .join('')
  const customXfs = [...customFormats.values()].map(
    (style) => `<xf numFmtId="${164 + style - BUILTIN_STYLES.length}" applyNumberFormat="1"/>`,
  )
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts ? `<numFmts count="${customFormats.size}">${numFmts}</numFmts>` : ''}<cellXfs count="${BUILTIN_STYLES.length + customXfs.length}">${[...BUILTIN_STYLES, ...customXfs].join('')}</cellXfs></styleSheet>`
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('')}</sst>`

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets.map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetEntries}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
  }
  sheetXml.forEach((xml, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(xml)
  })
  return zipSync(files, { level: 6 })
}
