import { open, readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '#shared/errors.ts'
import { formatCount } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { detectEncoding, type DetectedEncoding } from './detect-encoding.ts'

const SAMPLE_BYTES = 64 * 1024

/** The largest file this version reads: rows are held in memory as strings (about 6–8× the file size). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024

/** Size and modification time when the file was first opened, to notice it changing under us. */
export interface FileStamp {
  size: number
  modifiedMs: number
}

export interface TextSniff extends DetectedEncoding {
  kind: 'text'
  size: number
  stamp: FileStamp
  /** The start of the file (up to 64 kB), for guessing the delimiter. */
  sample: Uint8Array
}

/** A ZIP archive: an .xlsx workbook, if it has the parts of one (read-xlsx.ts checks). */
export interface WorkbookSniff {
  kind: 'xlsx'
  size: number
  stamp: FileStamp
}

export type SniffResult = TextSniff | WorkbookSniff

const ZIP = [0x50, 0x4b, 0x03, 0x04]

/** What a file starting with these bytes is, as engine:file.kind.<kind> says it. */
const MAGIC: { bytes: number[]; kind: 'pdf' | 'png' | 'jpeg' | 'gif' }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'png' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'gif' },
]

// Excel saves password-protected workbooks (even .xlsx) and old .xls files in this container.
const OFFICE_CONTAINER = [0xd0, 0xcf, 0x11, 0xe0]

function startsWith(sample: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => sample[index] === byte)
}

/**
 * Looks at the start of a file to reject what is not a text spreadsheet (with a message that says what
 * it is instead) and to pick the text encoding (detect-encoding.ts).
 */
export async function sniffFile(path: string): Promise<SniffResult> {
  const name = basename(path)
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(name, error)
  })
  try {
    const { size, mtimeMs } = await handle.stat()
    const stamp: FileStamp = { size, modifiedMs: mtimeMs }
    if (size === 0) throw new AppError('FILE_EMPTY', t('engine:file.empty', { name }))
    if (size > MAX_FILE_BYTES) {
      throw new AppError(
        'FILE_TOO_LARGE',
        t('engine:file.tooLarge', { name, size: megabytes(size), max: megabytes(MAX_FILE_BYTES) }),
      )
    }
    const sample = new Uint8Array(Math.min(size, SAMPLE_BYTES))
    await handle.read(sample, 0, sample.length, 0)

    if (startsWith(sample, ZIP)) return { kind: 'xlsx', size, stamp }
    if (startsWith(sample, OFFICE_CONTAINER)) {
      throw new AppError('FILE_UNSUPPORTED', t('engine:file.protectedOrXls', { name }))
    }
    const detected = detectEncoding(sample, size > sample.length)
    const magic = MAGIC.find((entry) => startsWith(sample, entry.bytes))
    if (magic && detected.basis !== 'bom') {
      const what = t(`engine:file.kind.${magic.kind}`)
      throw new AppError('FILE_UNSUPPORTED', t('engine:file.notSpreadsheet', { name, what }))
    }
    if (!detected.encoding.startsWith('utf-16') && sample.includes(0)) {
      throw new AppError('FILE_UNSUPPORTED', t('engine:file.binary', { name }))
    }
    return { kind: 'text', size, stamp, ...detected, sample }
  } finally {
    await handle.close()
  }
}

/**
 * Reads the whole file and checks it is still the file that was sniffed: a spreadsheet program
 * saving over it, or a sync client replacing it, mid-read would otherwise give a mix of two files.
 */
export async function readWholeFile(path: string, stamp: FileStamp): Promise<Buffer> {
  const name = basename(path)
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(name, error)
  })
  const after = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(name, error)
  })
  if (bytes.length !== stamp.size || after.size !== stamp.size || after.mtimeMs !== stamp.modifiedMs) {
    throw new AppError('FILE_UNREADABLE', t('engine:file.changedWhileReading', { name }))
  }
  return bytes
}

export function unreadable(name: string, error: NodeJS.ErrnoException): AppError {
  const reason = t(
    error.code === 'ENOENT'
      ? 'engine:file.reason.gone'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'engine:file.reason.permission'
        : error.code === 'EISDIR'
          ? 'engine:file.reason.folder'
          : 'engine:file.reason.other',
  )
  return new AppError('FILE_UNREADABLE', t('engine:file.cannotOpen', { name, reason }))
}

/** Whole megabytes in the current language ("1,024 MB", "1024 MB"): sizes in limits, not exact sizes. */
export function megabytes(bytes: number): string {
  return t('engine:megabytes', { size: formatCount(Math.round(bytes / (1024 * 1024))) })
}
