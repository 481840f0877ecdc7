// Checks for single values, shared by every provider. Each returns null when the value is fine, or a
// sentence for the person fixing the spreadsheet.

// Deliberately relaxed (Kustomer documents its format as "email-relaxed"): one @, something before it,
// a dotted domain after it, no spaces. Anything stricter rejects real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

export function checkEmail(value: string): string | null {
  if (EMAIL.test(value)) return null
  return `"${value}" is not a valid email address. It should look like name@example.com.`
}

const E164 = /^\+[1-9]\d{6,14}$/

export function checkE164Phone(value: string): string | null {
  if (E164.test(value)) return null
  return `"${value}" is not a phone number in international format. Use a plus sign, the country code and the number without spaces, e.g. +14155550100.`
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

export function checkLocale(value: string): string | null {
  if (LOCALE.test(value)) return null
  return `"${value}" is not a locale. Use a language code with an optional country, e.g. en_US or pl.`
}

export function checkMaxLength(value: string, max: number): string | null {
  if (value.length <= max) return null
  return `This value is ${value.length} characters long; the limit is ${max}. Shorten it.`
}

/** Splits a list cell ("vip; newsletter, 2024") into its items. */
export function splitList(value: string): string[] {
  return value
    .split(/[;,|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}
