// Numbers, dates and sizes in the person's language ("12 345" in Polish, "12.345" in Dutch). Formatters
// are built once per language: tables format thousands of cells.
import type { Language } from './languages.ts'

let language: Language = 'en'
let formats = build('en')

function build(locale: string) {
  return {
    count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    longDate: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
  }
}

export function setFormattingLanguage(next: Language): void {
  if (next === language) return
  language = next
  formats = build(next)
}

export const formatCount = (value: number): string => formats.count.format(Math.round(value))

/** One decimal at most: rates, megabytes. */
export const formatDecimal = (value: number): string => formats.decimal.format(value)

export const formatDateTime = (value: Date | number): string => formats.dateTime.format(value)

export const formatLongDate = (value: Date | number): string => formats.longDate.format(value)

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`
  if (bytes < 1024 * 1024) return `${formatCount(bytes / 1024)} kB`
  return `${formatDecimal(bytes / (1024 * 1024))} MB`
}
