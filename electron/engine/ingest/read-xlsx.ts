import { basename } from 'node:path'
import { AppError } from '#shared/errors.ts'
import { indexTable, throwIfAborted, type ParsedTable } from './index-table.ts'
import type { ReadOptions, ReadProgress } from './read-csv.ts'
import { MAX_FILE_BYTES, readWholeFile, type FileStamp } from './sniff-file.ts'
import { readCellFormats } from './xlsx/number-formats.ts'
import { readSharedStrings } from './xlsx/shared-strings.ts'
import { sheetToCsv } from './xlsx/sheet-csv.ts'
import { readWorkbook, type Workbook, type WorkbookSheet } from './xlsx/workbook.ts'
import { WorkbookPackage } from './xlsx/zip-parts.ts'

// .xlsx workbooks. The package is unzipped with fflate and the sheet's XML scanned as bytes
// (xlsx/sheet-csv.ts): `npm run bench` measures this against read-excel-file on a 200,000-row
// workbook, which took 18 s and 878 MB there (exceljs streaming: 14 s, 447 MB), over the 10 s /
// 800 MB target. (The npm `xlsx` 0.18.5 package has known CVEs on untrusted files.) The sheet is
// written out as CSV text and indexed like any CSV, so everything after reading — header row,
// empty and ragged rows, the compact byte store — is one code path for every format.

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
  stamp: FileStamp,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  options: ReadOptions = {},
  /** The most a sheet may unpack to; lowered only by tests. */
  maxUnpackedBytes = MAX_FILE_BYTES,
): Promise<ParsedTable> {
  const fileName = basename(path)
  const { size } = stamp
  const raw = await readWholeFile(path, stamp)
  throwIfAborted(signal)
  let pkg: WorkbookPackage
  let workbook: Workbook
  try {
    pkg = new WorkbookPackage(raw)
    workbook = readWorkbook(pkg)
  } catch {
    throw corrupt(fileName)
  }
  const { sheets } = workbook
  if (sheets.length === 0) {
    throw new AppError('FILE_EMPTY', `"${fileName}" has no sheets. Choose a workbook with customers in it.`)
  }
  const sheet = pickSheet(fileName, sheets, options.sheet)

  // A workbook is compressed: check what the sheet unpacks to before holding it in memory.
  const unpacked = pkg.unpackedSize(sheet.part) ?? 0
  if (unpacked > maxUnpackedBytes) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The sheet "${sheet.name}" of "${fileName}" unpacks to ${Math.round(unpacked / 1024 ** 2).toLocaleString('en-US')} MB; Crosswalk reads sheets up to ${Math.round(maxUnpackedBytes / 1024 ** 2).toLocaleString('en-US')} MB. Split it into smaller workbooks or files.`,
    )
  }

  let table
  try {
    const parts = pkg.parts(['xl/sharedStrings.xml', 'xl/styles.xml', sheet.part])
    const sheetXml = parts.get(sheet.part)
    if (!sheetXml) throw new Error(`missing ${sheet.part}`)
    throwIfAborted(signal)
    onProgress({ bytesRead: Math.round(size * 0.3), totalBytes: size })
    const context = {
      strings: readSharedStrings(parts.get('xl/sharedStrings.xml')),
      formats: readCellFormats(parts.get('xl/styles.xml')),
      date1904: workbook.date1904,
    }
    table = sheetToCsv(sheetXml, context, (scanned) => {
      throwIfAborted(signal)
      onProgress({
        bytesRead: Math.round(size * (0.3 + (0.6 * scanned) / sheetXml.length)),
        totalBytes: size,
      })
    })
  } catch (error) {
    if (error instanceof AppError) throw error
    throw corrupt(fileName)
  }
  if (table.rows === 0) {
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
  const { bytes } = table
  return indexTable(bytes, {
    fileName,
    delimiter: ',',
    newline: '\n',
    headerRow: options.headerRow,
    notices,
    signal,
    onProgress: (scanned, records) =>
      onProgress({
        bytesRead: Math.round(size * (0.9 + (0.1 * scanned) / Math.max(bytes.length, 1))),
        totalBytes: size,
        recordsSoFar: records,
      }),
    describe: {
      format: 'xlsx',
      encodingLabel: 'utf-8',
      encoding: 'Unicode (Excel workbook)',
      delimiter: ',',
      sheet: sheet.name,
      sheets: sheets.map(({ name, hidden }) => ({ name, hidden })),
    },
  })
}
