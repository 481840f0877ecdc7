import type { CellFormat } from './number-formats.ts'

// Excel cells as the text a person sees in Excel, so that nothing is lost or reinterpreted on the
// way to the provider: phone numbers and ids keep every digit (never 4.81E+10), floating-point noise
// is rounded to Excel's 15 significant digits, dates become ISO dates, "00123" stays "00123".

const INTEGER = /^-?\d+$/

/** A number as stored in the sheet's XML ("48123456789", "0.30000000000000004", "1.5E-3"). */
export function excelNumberText(stored: string): string {
  if (INTEGER.test(stored)) return stored
  const value = Number(stored)
  if (!Number.isFinite(value)) return stored
  // Excel shows at most 15 significant digits; beyond that the digits are binary noise.
  const rounded = Number(value.toPrecision(15))
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1e21) return BigInt(rounded).toString()
  return String(rounded)
}

const DAY_MS = 86_400_000
const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)

function twoDigits(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * An Excel date serial as ISO text: `1990-04-23`, `2024-01-02T09:30:00`, or `09:30:00` for a time of
 * day. Excel dates have no time zone, so none is added.
 */
export function excelSerialText(serial: number, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0) return String(serial)
  // Rounded to the second: serials are binary fractions of a day.
  const seconds = Math.round((serial % 1) * 86_400)
  const time = `${twoDigits(Math.floor(seconds / 3600) % 24)}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`
  if (serial < 1) return time
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are a day early.
  const days = Math.floor(serial) + (!date1904 && serial < 60 ? 1 : 0)
  const date = new Date(
    (date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS + (seconds >= 86_400 ? DAY_MS : 0),
  )
  const day = `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`
  return seconds % 86_400 === 0 ? day : `${day}T${time}`
}

/** The text of a numeric cell under its number format. */
export function numericCellText(stored: string, format: CellFormat | undefined, date1904: boolean): string {
  if (format?.kind === 'date') return excelSerialText(Number(stored), date1904)
  if (format?.kind === 'zero-padded' && INTEGER.test(stored)) {
    const negative = stored.startsWith('-')
    const digits = (negative ? stored.slice(1) : stored).padStart(format.width, '0')
    return negative ? `-${digits}` : digits
  }
  return excelNumberText(stored)
}
