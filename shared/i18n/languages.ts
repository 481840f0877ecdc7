// The languages Crosswalk speaks. English is complete and the fallback; Polish is for Thulium's users,
// Dutch for Omnidesk's. Adding one: a folder under locales/, an entry here, and the catalog test
// lists what is missing.

export const LANGUAGES = ['en', 'pl', 'nl'] as const

export type Language = (typeof LANGUAGES)[number]

/** Each language's name in itself, as a language picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  pl: 'Polski',
  nl: 'Nederlands',
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The first of the person's preferred languages (the OS's or the browser's list, best first, as BCP 47
 * tags like "pl-PL") that Crosswalk speaks, or English.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (isLanguage(base)) return base
  }
  return 'en'
}
