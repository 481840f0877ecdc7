import { stat } from 'node:fs/promises'
import { basename, extname, isAbsolute } from 'node:path'
import { AppError } from '#shared/errors.ts'

const READABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab', '.xlsx', '.xlsm'])
/** Workbook formats without a vetted, maintained reader: the user is told how to convert them. */
const CONVERT_FIRST = new Set(['.xls', '.ods', '.numbers'])

/**
 * A path from the renderer (a drop or the file picker) is only a request: it must name an existing
 * regular file of a type Crosswalk reads, so a compromised page cannot make us read arbitrary files.
 */
export async function checkFilePath(path: string): Promise<string> {
  if (!isAbsolute(path) || path.includes('\0')) {
    throw new AppError('FILE_UNREADABLE', 'Crosswalk could not find that file. Drop it again or use Browse….')
  }
  const name = basename(path)
  const extension = extname(path).toLowerCase()
  if (CONVERT_FIRST.has(extension)) {
    throw new AppError(
      'FILE_UNSUPPORTED',
      `Crosswalk reads Excel workbooks (.xlsx) and CSV files, not ${extension} files. Open "${name}" in your spreadsheet program and choose File → Save As → Excel Workbook (.xlsx) or CSV UTF-8, then drop that file.`,
    )
  }
  if (!READABLE_EXTENSIONS.has(extension)) {
    throw new AppError(
      'FILE_UNSUPPORTED',
      `"${name}" is not a file type Crosswalk reads. Drop an Excel workbook (.xlsx), a CSV file (.csv), or a tab-separated file (.tsv or .txt).`,
    )
  }
  const info = await stat(path).catch(() => null)
  if (!info)
    throw new AppError(
      'FILE_UNREADABLE',
      `Crosswalk could not open "${name}": it no longer exists (was it moved or deleted?).`,
    )
  if (!info.isFile())
    throw new AppError('FILE_UNREADABLE', `"${name}" is a folder, not a file. Drop a spreadsheet file.`)
  return path
}
