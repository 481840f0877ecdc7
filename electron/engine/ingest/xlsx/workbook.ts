import { unescapeExcel, unescapeXml } from './xml-text.ts'
import { partPath, type WorkbookPackage } from './zip-parts.ts'

// The workbook part: its sheets in tab order (name, hidden or not, which part holds the cells) and
// its date system. Hidden sheets are reported because a person must know when the customers come
// from a sheet they cannot see in Excel.

export interface WorkbookSheet {
  name: string
  hidden: boolean
  /** Path of the sheet's part inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  part: string
}

export interface Workbook {
  sheets: WorkbookSheet[]
  /** Mac Excel's old 1904 date system: serial 0 is 1904-01-01 instead of 1899-12-30. */
  date1904: boolean
}

const SHEET_TAG = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g
const RELATIONSHIP_TAG = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g
const ATTRIBUTE = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const DATE_1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/

function attributesOf(text: string): Map<string, string> {
  const values = new Map<string, string>()
  for (const match of text.matchAll(ATTRIBUTE)) values.set(match[1]!, unescapeXml(match[2] ?? match[3] ?? ''))
  return values
}

/** Throws with a short reason when the package is not a workbook. */
export function readWorkbook(pkg: WorkbookPackage): Workbook {
  const workbook = pkg.text('xl/workbook.xml')
  if (workbook === null) throw new Error('no xl/workbook.xml')
  const relationships = new Map<string, string>()
  for (const match of (pkg.text('xl/_rels/workbook.xml.rels') ?? '').matchAll(RELATIONSHIP_TAG)) {
    const values = attributesOf(match[1] ?? '')
    const id = values.get('Id')
    const target = values.get('Target')
    if (id && target) relationships.set(id, partPath(target))
  }
  const sheets: WorkbookSheet[] = []
  for (const match of workbook.matchAll(SHEET_TAG)) {
    const values = attributesOf(match[1] ?? '')
    const name = values.get('name')
    const relation = [...values.entries()].find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1]
    const part = relation === undefined ? undefined : relationships.get(relation)
    if (name === undefined || part === undefined) continue
    const state = values.get('state')
    sheets.push({ name: unescapeExcel(name), hidden: state === 'hidden' || state === 'veryHidden', part })
  }
  return { sheets, date1904: DATE_1904.test(workbook) }
}
