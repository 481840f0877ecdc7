import { stat } from 'node:fs/promises'
import { basename, extname, isAbsolute } from 'node:path'
import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'

const READABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab', '.xlsx', '.xlsm'])
/** Workbook formats without a vetted, maintained reader: the user is told how to convert them. */
const CONVERT_FIRST = new Set(['.xls', '.ods', '.numbers'])

/**
 * A path from the renderer (a drop or the file picker) is only a request: it must name an existing
 * regular file of a type Crosswalk reads, so a compromised page cannot make us read arbitrary files.
 */
export async function checkFilePath(path: string): Promise<string> {
  if (!isAbsolute(path) || path.includes('\0')) {
    throw new AppError('FILE_UNREADABLE', t('engine:file.notFound'))
  }
  const name = basename(path)
  const extension = extname(path).toLowerCase()
  if (CONVERT_FIRST.has(extension)) {
    throw new AppError('FILE_UNSUPPORTED', t('engine:file.convertFirst', { extension, name }))
  }
  if (!READABLE_EXTENSIONS.has(extension)) {
    throw new AppError('FILE_UNSUPPORTED', t('engine:file.unsupportedType', { name }))
  }
  const info = await stat(path).catch(() => null)
  if (!info) {
    const reason = t('engine:file.reason.gone')
    throw new AppError('FILE_UNREADABLE', t('engine:file.cannotOpen', { name, reason }))
  }
  if (!info.isFile()) throw new AppError('FILE_UNREADABLE', t('engine:file.isFolder', { name }))
  return path
}
