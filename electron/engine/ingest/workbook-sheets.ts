import { strFromU8, unzipSync } from 'fflate'

// The sheets of an .xlsx workbook in tab order, with whether each is hidden: read from
// xl/workbook.xml, the only part decompressed here. read-excel-file does not report hidden sheets,
// and people must see that a sheet they cannot see in Excel is what is being imported.

export interface WorkbookSheet {
  name: string
  hidden: boolean
}

const SHEET_TAG = /<(?:\w+:)?sheet\b([^>]*)\/?>/g
const ATTRIBUTE = /([\w:]+)\s*=\s*"([^"]*)"/g

/** XML entities and Excel's `_xHHHH_` escapes, as they appear in sheet names. */
function unescapeName(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9A-Fa-f]+);/g, (_, entity: string) => {
      if (entity === 'lt') return '<'
      if (entity === 'gt') return '>'
      if (entity === 'quot') return '"'
      if (entity === 'apos') return "'"
      if (entity === 'amp') return '&'
      const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
      return String.fromCodePoint(code)
    })
}

/** Throws when the bytes are not a ZIP archive or have no workbook part. */
export function workbookSheets(zip: Uint8Array): WorkbookSheet[] {
  const parts = unzipSync(zip, { filter: (file) => file.name === 'xl/workbook.xml' })
  const workbook = parts['xl/workbook.xml']
  if (!workbook) throw new Error('no xl/workbook.xml')
  const xml = strFromU8(workbook)
  const sheets: WorkbookSheet[] = []
  for (const [, attributes] of xml.matchAll(SHEET_TAG)) {
    const values = new Map<string, string>()
    for (const [, key, value] of (attributes ?? '').matchAll(ATTRIBUTE)) values.set(key!, value!)
    const name = values.get('name')
    if (name === undefined) continue
    const state = values.get('state')
    sheets.push({ name: unescapeName(name), hidden: state === 'hidden' || state === 'veryHidden' })
  }
  return sheets
}
