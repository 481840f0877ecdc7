import { message, type Message } from '../i18n/message.ts'

// Checks for single values, shared by every provider. Each returns null when the value is fine, or
// what to tell the person fixing the spreadsheet, as a catalog key (`validation:rules.*`) and its
// values: these run on every row of a million-row file, and a sentence is only made when someone reads
// it (formatMessage), in the language chosen then.

// Deliberately relaxed (Kustomer documents its format as "email-relaxed"): one @, something before it,
// a dotted domain after it, no spaces. Anything stricter rejects real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

export function checkEmail(value: string): Message | null {
  if (EMAIL.test(value)) return null
  return message('validation:rules.email', { value })
}

const E164 = /^\+[1-9]\d{6,14}$/

export function checkE164Phone(value: string): Message | null {
  if (E164.test(value)) return null
  return message('validation:rules.phone', { value })
}

/** Normalises common ways people write international numbers ("+1 (415) 555-0100", "0044 20…") to E.164. */
export function normaliseToE164(value: string): string {
  const trimmed = value.trim()
  const digits = trimmed.replace(/[\s().\-/]/g, '')
  if (digits.startsWith('00')) return `+${digits.slice(2)}`
  return digits
}

// BCP 47-ish: language, optional region, separated by `_` or `-` (Kustomer's examples use `en_US`).
const LOCALE = /^[a-z]{2,3}([_-][A-Za-z]{2}|[_-]\d{3})?$/

export function checkLocale(value: string): Message | null {
  if (LOCALE.test(value)) return null
  return message('validation:rules.locale', { value })
}

export function checkMaxLength(value: string, max: number): Message | null {
  if (value.length <= max) return null
  // `count` picks the plural form ("22 znaki", "25 znaków").
  return message('validation:rules.maxLength', { count: value.length, max })
}

/** Splits a list cell ("vip; newsletter, 2024") into its items. */
export function splitList(value: string): string[] {
  return value
    .split(/[;,|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Accepts "1234", "-12.5" and the European "12,5"; normalises the decimal comma to a point. */
export function normaliseNumber(value: string): string {
  const compact = value.replace(/[\s\u00a0]/g, '')
  return /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact
}

export function checkNumber(value: string): Message | null {
  if (/^-?\d+(\.\d+)?$/.test(value)) return null
  return message('validation:rules.number', { value })
}

export function checkInteger(value: string): Message | null {
  if (/^-?\d+$/.test(value)) return null
  return message('validation:rules.integer', { value })
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Arithmetic, not `new Date`: validation runs this on every row of a million-row file. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)
}

export function checkDate(value: string): Message | null {
  const match = ISO_DATE.exec(value)
  if (match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null
  return message('validation:rules.date', { value })
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export function checkDateTime(value: string): Message | null {
  const match = ISO_DATE_TIME.exec(value)
  if (match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null
  return message('validation:rules.dateTime', { value })
}

// What people write in a yes/no column, in English and Polish (Thulium's market).
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'tak', 't'])
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nie'])

/** "Yes", "TAK", "1" → "true"; "No", "nie", "0" → "false"; anything else is returned as written. */
export function normaliseBoolean(value: string): string {
  const word = value.trim().toLowerCase()
  if (TRUE_WORDS.has(word)) return 'true'
  if (FALSE_WORDS.has(word)) return 'false'
  return value
}

export function checkBoolean(value: string): Message | null {
  if (value === 'true' || value === 'false') return null
  return message('validation:rules.boolean', { value })
}

export function checkUrl(value: string): Message | null {
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return null
  } catch {
    // fall through to the message
  }
  return message('validation:rules.url', { value })
}

/** The option a cell means, ignoring case and surrounding spaces, or the cell as written. */
export function normaliseChoice(value: string, options: readonly string[]): string {
  const wanted = value.trim().toLowerCase()
  return options.find((option) => option.toLowerCase() === wanted) ?? value
}

export function checkChoice(value: string, options: readonly string[]): Message | null {
  if (options.includes(value)) return null
  return message('validation:rules.choice', { value, options: options.join(', ') })
}
