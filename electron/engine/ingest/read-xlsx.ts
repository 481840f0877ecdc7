import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { readSheet } from 'read-excel-file/node'
import { AppError } from '#shared/errors.ts'
import { excelCellText, type ExcelValue } from './excel-cell-text.ts'
import { indexTable, throwIfAborted, type ParsedTable } from './index-table.ts'
import type { ReadOptions, ReadProgress } from './read-csv.ts'
import { unreadable } from './sniff-file.ts'
import { workbookSheets, type WorkbookSheet } from './workbook-sheets.ts'

// .xlsx workbooks, read with read-excel-file (maintained, two small dependencies, and measured in
// `npm run bench`; the npm `xlsx` 0.18.5 package has known CVEs on untrusted files). The chosen sheet
// is written out as CSV text and indexed like any CSV, so everything after reading — header row,
// empty and ragged rows, the compact byte store — is one code path for every format.

const QUOTE_NEEDED = /[",\r\n]/

function csvField(text: string): string {
  return QUOTE_NEEDED.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function sheetAsCsv(rows: readonly (readonly ExcelValue[])[]): Uint8Array {
  const lines = rows.map((row) => row.map((value) => csvField(excelCellText(value))).join(','))
  return Buffer.from(lines.join('\n'), 'utf8')
}

function corrupt(fileName: string): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    `"${fileName}" looks like an Excel workbook but could not be read: it may be damaged or only partly downloaded. Open it in Excel and save it again (or export it as CSV UTF-8), then drop it again.`,
  )
}

function pickSheet(fileName: string, sheets: WorkbookSheet[], wanted: string | undefined): WorkbookSheet {
  if (wanted !== undefined) {
    const found = sheets.find((sheet) => sheet.name === wanted)
    if (found) return found
    throw new AppError(
      'FILE_UNREADABLE',
      `"${fileName}" has no sheet named "${wanted}". Its sheets are: ${sheets.map((sheet) => `"${sheet.name}"`).join(', ')}.`,
    )
  }
  // Like Excel on opening: the first sheet a person can see.
  return sheets.find((sheet) => !sheet.hidden) ?? sheets[0]!
}

export async function readXlsx(
  path: string,
  size: number,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<ParsedTable> {
  const fileName = basename(path)
  const raw = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(fileName, error)
  })
  throwIfAborted(signal)
  let sheets: WorkbookSheet[]
  try {
    sheets = workbookSheets(raw)
  } catch {
    throw corrupt(fileName)
  }
  if (sheets.length === 0) {
    throw new AppError('FILE_EMPTY', `"${fileName}" has no sheets. Choose a workbook with customers in it.`)
  }
  const sheet = pickSheet(fileName, sheets, options.sheet)
  onProgress({ bytesRead: Math.round(size * 0.1), totalBytes: size })

  let rows: ExcelValue[][]
  try {
    // Numbers stay the text stored in the file, so long ids and phone numbers keep every digit.
    rows = (await readSheet(raw, sheet.name, { parseNumber: (text: string) => text })) as ExcelValue[][]
  } catch {
    throw corrupt(fileName)
  }
  throwIfAborted(signal)
  onProgress({ bytesRead: Math.round(size * 0.9), totalBytes: size })
  if (rows.length === 0) {
    throw new AppError(
      'FILE_EMPTY',
      `The sheet "${sheet.name}" of "${fileName}" is empty.${sheets.length > 1 ? ' Choose another sheet.' : ''}`,
    )
  }

  const notices: string[] = []
  if (sheet.hidden) {
    notices.push(
      `The sheet "${sheet.name}" is hidden in Excel: check that it holds the customers you mean to import.`,
    )
  }
  if (sheets.length > 1) {
    const hidden = sheets.filter((other) => other.hidden).length
    notices.push(
      `This workbook has ${sheets.length} sheets${hidden > 0 ? ` (${hidden} hidden)` : ''}; Crosswalk read "${sheet.name}". Choose another sheet if the customers are elsewhere.`,
    )
  }
  const bytes = sheetAsCsv(rows)
  return indexTable(bytes, {
    fileName,
    delimiter: ',',
    newline: '\n',
    headerRow: options.headerRow,
    notices,
    signal,
    onProgress: (scanned) =>
      onProgress({
        bytesRead: Math.round(size * (0.9 + (0.1 * scanned) / Math.max(bytes.length, 1))),
        totalBytes: size,
      }),
    describe: {
      format: 'xlsx',
      encodingLabel: 'utf-8',
      encoding: 'Unicode (Excel workbook)',
      delimiter: ',',
      sheet: sheet.name,
      sheets,
    },
  })
}
