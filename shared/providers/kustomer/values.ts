// Turning checked cell text into the JSON values Kustomer's customer object takes.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/

/**
 * A cell that passed `checkDateTime` ("1990-05-01", "2024-03-01 09:30", "2024-03-01T09:30:00+02:00")
 * → the full ISO 8601 date-time Kustomer's `…At` fields take. A date alone becomes midnight UTC (the
 * form of Kustomer's own `birthdayAt` example); a time without a zone is read as UTC, because a
 * spreadsheet cell carries no zone and Kustomer would otherwise refuse the value.
 */
export function toIsoDateTime(value: string): string {
  if (DATE_ONLY.test(value)) return `${value}T00:00:00.000Z`
  let text = value.replace(' ', 'T')
  if (/T\d{2}:\d{2}(Z|[+-]|$)/.test(text)) text = text.replace(/(T\d{2}:\d{2})/, '$1:00')
  return HAS_ZONE.test(text) ? text : `${text}Z`
}

export const GENDERS = ['m', 'f'] as const

/** Spellings a spreadsheet uses for Kustomer's two genders, compared without case or surrounding spaces. */
const GENDER_WORDS = new Map<string, (typeof GENDERS)[number]>([
  ['m', 'm'],
  ['male', 'm'],
  ['f', 'f'],
  ['female', 'f'],
])

/** "Female", " F ", "male" → Kustomer's "f" / "m"; null for anything else (e.g. "x", "unknown"). */
export function toKustomerGender(value: string): (typeof GENDERS)[number] | null {
  return GENDER_WORDS.get(value.trim().toLowerCase()) ?? null
}
