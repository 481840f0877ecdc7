import type { DateOrder } from './transform.ts'

// Dates written with numbers in a local order ("31.12.2024", "12/31/2024") to ISO "2024-12-31".
// Nothing is guessed: a value that cannot be read in the chosen order is left as written, so the
// review step shows it as an error rather than sending a wrong date. Two-digit years are not read for
// the same reason ("03/04/05" says nothing certain).

const NUMERIC_DATE = /^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

interface DateParts {
  year: number
  month: number
  day: number
  time: string
}

function read(value: string, order: DateOrder): DateParts | null {
  const match = NUMERIC_DATE.exec(value.trim())
  if (!match) return null
  const [, a, b, c, hours, minutes, seconds] = match
  const [yearText, monthText, dayText] =
    order === 'YMD' ? [a!, b!, c!] : order === 'DMY' ? [c!, b!, a!] : [c!, a!, b!]
  if (yearText.length !== 4) return null
  const year = Number(yearText)
  const month = Number(monthText)
  const day = Number(dayText)
  if (!isCalendarDate(year, month, day)) return null
  let time = ''
  if (hours !== undefined) {
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return null
    time = `T${pad(Number(hours))}:${minutes}${seconds !== undefined ? `:${seconds}` : ''}`
  }
  return { year, month, day, time }
}

/** The ISO form of a numeric date read in `order`, or the value unchanged when it cannot be read. */
export function parseDate(value: string, order: DateOrder): string {
  const parts = read(value, order)
  if (!parts) return value
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}${parts.time}`
}

export type DetectedDateOrder =
  | { kind: 'none' }
  /** The values are ISO dates already: nothing to do. */
  | { kind: 'iso' }
  | { kind: 'order'; order: DateOrder }
  /** Every value reads as day-first and as month-first ("03/04/2024"): the person must say. */
  | { kind: 'ambiguous'; orders: DateOrder[] }

const ISO = /^\d{4}-\d{2}-\d{2}([T ].*)?$/

/**
 * The order in which a column's dates are written, from its values: the one order that reads all of
 * them. When both day-first and month-first do, the answer is "ambiguous" and the screen asks.
 */
export function detectDateOrder(values: readonly string[]): DetectedDateOrder {
  const present = values.map((value) => value.trim()).filter((value) => value !== '')
  if (present.length === 0) return { kind: 'none' }
  if (present.every((value) => ISO.test(value))) return { kind: 'iso' }
  const orders = (['DMY', 'MDY', 'YMD'] as const).filter((order) =>
    present.every((value) => ISO.test(value) || read(value, order) !== null),
  )
  if (orders.length === 0) return { kind: 'none' }
  if (orders.length === 1) return { kind: 'order', order: orders[0]! }
  return { kind: 'ambiguous', orders }
}
