import type { ProviderId } from '#shared/ids.ts'
import { currentLanguage } from '#shared/i18n/i18n.ts'
import { defaultPhoneCountry as statedPhoneCountry } from '#shared/mapping/propose-shapes.ts'

// Countries our users' customers' phone numbers come from most, first the ones of our providers'
// home markets. Names come from the browser (Intl) in the person's language, so they are never out
// of date and never need a translator.

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

// One DisplayNames per language: the phone panel lists every country on each render.
const displayNames = new Map<string, Intl.DisplayNames | null>()

function namesIn(language: string): Intl.DisplayNames | null {
  if (!displayNames.has(language)) {
    let names: Intl.DisplayNames | null = null
    try {
      names = new Intl.DisplayNames([language], { type: 'region' })
    } catch {
      // A runtime without region names: the codes alone still say which country.
    }
    displayNames.set(language, names)
  }
  return displayNames.get(language) ?? null
}

/** The country's name in the current language ("Poland", "Polska", "Polen"), or its code. */
export function countryName(code: string): string {
  try {
    return namesIn(currentLanguage())?.of(code) ?? code
  } catch {
    return code
  }
}

export interface Country {
  code: string
  name: string
}

const sortedLists = new Map<string, readonly Country[]>()

/** The countries the phone panel offers, named and sorted in the current language. */
export function phoneCountries(): readonly Country[] {
  const language = currentLanguage()
  let list = sortedLists.get(language)
  if (!list) {
    const collator = new Intl.Collator(language)
    list = CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    )
    sortedLists.set(language, list)
  }
  return list
}

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
