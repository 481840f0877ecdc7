import { open, readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '#shared/errors.ts'
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

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
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
    if (size === 0)
      throw new AppError(
        'FILE_EMPTY',
        `"${name}" is empty. Choose a file that contains a header row and customers.`,
      )
    if (size > MAX_FILE_BYTES) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `"${name}" is ${formatMegabytes(size)}; Crosswalk reads files up to ${formatMegabytes(MAX_FILE_BYTES)}. Split it into smaller files.`,
      )
    }
    const sample = new Uint8Array(Math.min(size, SAMPLE_BYTES))
    await handle.read(sample, 0, sample.length, 0)

    if (startsWith(sample, ZIP)) return { kind: 'xlsx', size, stamp }
    if (startsWith(sample, OFFICE_CONTAINER)) {
      throw new AppError(
        'FILE_UNSUPPORTED',
        `"${name}" is a password-protected Excel workbook or an old Excel 97–2003 (.xls) file, which Crosswalk cannot read. Open it in Excel, remove the password if it has one (File → Info → Protect Workbook), save it as an Excel Workbook (.xlsx) or as CSV UTF-8, and drop that file.`,
      )
    }
    const detected = detectEncoding(sample, size > sample.length)
    const magic = MAGIC.find((entry) => startsWith(sample, entry.bytes))
    if (magic && detected.basis !== 'bom') {
      throw new AppError(
        'FILE_UNSUPPORTED',
        `"${name}" is ${magic.what}, not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV file exported from your spreadsheet program (File → Save As → CSV UTF-8).`,
      )
    }
    if (!detected.encoding.startsWith('utf-16') && sample.includes(0)) {
      throw new AppError(
        'FILE_UNSUPPORTED',
        `"${name}" contains binary data, so it is not a CSV or text file. Export your data as CSV and try again.`,
      )
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
    throw new AppError(
      'FILE_UNREADABLE',
      `"${name}" changed while Crosswalk was reading it (was it still being saved or synced?). Wait until it is saved, then drop it again.`,
    )
  }
  return bytes
}

export function unreadable(name: string, error: NodeJS.ErrnoException): AppError {
  const reason =
    error.code === 'ENOENT'
      ? 'it no longer exists (was it moved or deleted?)'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'you do not have permission to read it'
        : error.code === 'EISDIR'
          ? 'it is a folder, not a file'
          : 'the system could not read it'
  return new AppError('FILE_UNREADABLE', `Crosswalk could not open "${name}": ${reason}.`)
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`
}
