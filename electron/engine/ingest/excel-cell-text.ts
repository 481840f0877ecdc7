// Excel cells as the text a person sees in Excel, so that nothing is lost or reinterpreted on the
// way to the provider: phone numbers and ids keep every digit (never 4.81E+10), floating-point noise
// is rounded to Excel's 15 significant digits, dates become ISO dates.

/** What read-excel-file gives per cell when numbers are kept as their stored text (`parseNumber`). */
export type ExcelValue = string | number | boolean | Date | null

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

function twoDigits(value: number): string {
  return String(value).padStart(2, '0')
}

/** Excel dates have no time zone: read-excel-file gives them as UTC, so they are formatted in UTC. */
export function excelDateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds()
  if (seconds === 0) return day
  return `${day}T${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`
}

export function excelCellText(value: ExcelValue): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'number') return excelNumberText(String(value))
  return excelDateText(value)
}
