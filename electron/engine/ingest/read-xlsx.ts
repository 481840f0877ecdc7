import { basename } from 'node:path'
import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { indexTable, throwIfAborted, type ParsedTable } from './index-table.ts'
import type { ReadOptions, ReadProgress } from './read-csv.ts'
import { MAX_FILE_BYTES, megabytes, readWholeFile, type FileStamp } from './sniff-file.ts'
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
  return new AppError('FILE_UNREADABLE', t('engine:workbook.damaged', { name: fileName }))
}

function pickSheet(fileName: string, sheets: WorkbookSheet[], wanted: string | undefined): WorkbookSheet {
  if (wanted !== undefined) {
    const found = sheets.find((sheet) => sheet.name === wanted)
    if (found) return found
    const names = sheets.map((sheet) => t('engine:quoted', { text: sheet.name })).join(', ')
    throw new AppError(
      'FILE_UNREADABLE',
      t('engine:workbook.noSuchSheet', { name: fileName, sheet: wanted, sheets: names }),
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
    throw new AppError('FILE_EMPTY', t('engine:workbook.noSheets', { name: fileName }))
  }
  const sheet = pickSheet(fileName, sheets, options.sheet)

  // A workbook is compressed: check what the sheet unpacks to before holding it in memory.
  const unpacked = pkg.unpackedSize(sheet.part) ?? 0
  if (unpacked > maxUnpackedBytes) {
    throw new AppError(
      'FILE_TOO_LARGE',
      t('engine:workbook.sheetTooLarge', {
        sheet: sheet.name,
        name: fileName,
        size: megabytes(unpacked),
        max: megabytes(maxUnpackedBytes),
      }),
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
      t(sheets.length > 1 ? 'engine:workbook.sheetEmptyChooseAnother' : 'engine:workbook.sheetEmpty', {
        sheet: sheet.name,
        name: fileName,
      }),
    )
  }

  const notices: string[] = []
  if (sheet.hidden) {
    notices.push(t('engine:workbook.hiddenSheet', { sheet: sheet.name }))
  }
  if (sheets.length > 1) {
    const hidden = sheets.filter((other) => other.hidden).length
    const count = sheets.length
    notices.push(
      hidden > 0
        ? t('engine:workbook.otherSheetsHidden', { count, hidden, sheet: sheet.name })
        : t('engine:workbook.otherSheets', { count, sheet: sheet.name }),
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
      encoding: t('engine:encoding.workbook'),
      delimiter: ',',
      sheet: sheet.name,
      sheets: sheets.map(({ name, hidden }) => ({ name, hidden })),
    },
  })
}
