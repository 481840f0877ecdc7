import type { ProviderId } from '#shared/ids.ts'
import { defaultPhoneCountry as statedPhoneCountry } from '#shared/mapping/propose-shapes.ts'

// Countries our users' customers' phone numbers come from most, first the ones of our providers'
// home markets. Names come from the browser (Intl), so they are never out of date.

const CODES = [
  'PL',
  'NL',
  'DE',
  'FR',
  'ES',
  'GB',
  'US',
  'IE',
  'BE',
  'CZ',
  'SK',
  'AT',
  'CH',
  'IT',
  'PT',
  'LU',
  'DK',
  'SE',
  'NO',
  'FI',
  'LT',
  'LV',
  'EE',
  'UA',
  'HU',
  'RO',
  'CA',
  'AU',
] as const

let names: Intl.DisplayNames | null = null

export function countryName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' })
    return names.of(code) ?? code
  } catch {
    return code
  }
}

export interface Country {
  code: string
  name: string
}

export const PHONE_COUNTRIES: readonly Country[] = CODES.map((code) => ({
  code,
  name: countryName(code),
})).sort((a, b) => a.name.localeCompare(b.name))

/**
 * The country the phone panel starts with: the one the automatic match would use (the provider's
 * market, or the region the computer's language setting states), else the likely region of the
 * language alone ("en" → US), else Poland. Only a starting point: the person sees and can change it.
 */
export function defaultPhoneCountry(
  providerId: ProviderId | null,
  language = globalThis.navigator?.language,
): string {
  const listed = (code: string | undefined): code is string =>
    code !== undefined && CODES.includes(code as (typeof CODES)[number])
  const stated = providerId ? statedPhoneCountry(providerId, language) : undefined
  if (listed(stated)) return stated
  const region = language ? new Intl.Locale(language).maximize().region : undefined
  return listed(region) ? region : 'PL'
}
