import { setLanguage } from '#shared/i18n/i18n.ts'
import { matchLanguage, type Language } from '#shared/i18n/languages.ts'
import { api, unwrap } from './ipc.ts'

// Which language the screens speak: the one the person picked, or else the computer's. The engine is
// told first, so the rows fetched after a switch already carry its sentences in the new language.

/** The best language for this computer, from the browser's (Chromium's: the OS's) preference list. */
export const systemLanguage = (): Language => matchLanguage(navigator.languages)

export async function switchLanguage(language: Language, followSystem: boolean): Promise<void> {
  await unwrap(api.settings.setLanguage({ language, followSystem }))
  setLanguage(language)
  document.documentElement.lang = language
}

/** What startLanguage found, for the language picker's first value and the settings notice. */
export let startedWith: { followSystem: boolean; recoveredFrom: string | null } = {
  followSystem: true,
  recoveredFrom: null,
}

/** At start: the saved choice, or the computer's language. Returns where a broken settings file went. */
export async function startLanguage(): Promise<{ followSystem: boolean; recoveredFrom: string | null }> {
  const settings = await unwrap(api.settings.get({}))
  const followSystem = settings.language === null
  await switchLanguage(settings.language ?? systemLanguage(), followSystem)
  startedWith = { followSystem, recoveredFrom: settings.recoveredFrom ?? null }
  return startedWith
}
