import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'

// Phone numbers as people write them ("601 234 567", "(0)20 7946 0958", "0048 601-234-567") in the
// international E.164 form every provider accepts (Capillary's digits-only form is derived from it by
// its request builder). A number is read in `country` unless it carries its own country code. A value
// that is not a possible phone number is left as written, so the review step shows it.

export function normalisePhone(value: string, country: string): string {
  const trimmed = value.trim()
  if (trimmed === '') return trimmed
  // "0048…" is how much of Europe dials abroad; the library reads a leading + only.
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed
  const phone = parsePhoneNumberFromString(international, country as CountryCode)
  return phone?.isPossible() ? phone.number : value
}
