// The one i18n layer: every sentence Crosswalk shows goes through this i18next instance, in the
// renderer (through react-i18next) and in the engine (validation messages, reasons a row failed,
// problems with a file). Each process has its own instance, kept on the same language by the
// `settings:setLanguage` call the renderer makes when the person picks one.
import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import { catalogs, NAMESPACES, type Namespace } from './catalogs.ts'
import { setFormattingLanguage } from './format.ts'
import { LANGUAGES, type Language } from './languages.ts'
import type { Message } from './message.ts'

export const i18n: I18n = i18next.createInstance()

void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: NAMESPACES,
  defaultNS: 'common',
  resources: catalogs,
  // Catalogs are bundled: init synchronously so the very first t() is already translated.
  initAsync: false,
  // React escapes what it renders, and engine sentences are plain text, never HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
})

// i18next's own "number" format builds an Intl.NumberFormat on every call (about 50 µs); counts are
// in nearly every sentence, so keep one per language.
i18n.services.formatter?.addCached('number', (language, options) => {
  const format = new Intl.NumberFormat(language, options)
  return (value: number) => format.format(value)
})

// `{{languages, languageList}}`: language codes ("pl,nl") named in the reader's language and joined
// the way it says "or" ("Polish or Dutch", "polski lub niderlandzki").
i18n.services.formatter?.addCached('languageList', (language) => {
  const names = new Intl.DisplayNames(language, { type: 'language' })
  const list = new Intl.ListFormat(language, { type: 'disjunction' })
  return (codes: string) => list.format(codes.split(',').map((code) => names.of(code) ?? code))
})

// `{{kind, valueKind}}`: what a column's values look like (shared/mapping/sniff-values.ts), in words.
i18n.services.formatter?.add(
  'valueKind',
  (kind: string, language) =>
    i18n.t(`mapping:valueKinds.${kind}` as never, { lng: language } as never) as unknown as string,
)

/** Keys are `namespace:key`, or a key of `common`. */
export const t: TFunction<Namespace[]> = i18n.t.bind(i18n) as TFunction<Namespace[]>

export function currentLanguage(): Language {
  return i18n.language as Language
}

export function setLanguage(language: Language): void {
  setFormattingLanguage(language)
  if (i18n.language !== language) void i18n.changeLanguage(language)
}

/**
 * `t` for keys that are data (a Message kept by the engine, a provider's field path), which cannot be
 * checked at compile time; the catalog test checks that every key the code builds exists.
 */
export const translateKey = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, string | number>,
) => string

/** A kept message in the current language (messages among its values too). */
export function formatMessage(message: Message): string {
  const { values } = message
  if (values === undefined) return translateKey(message.key)
  let said: Record<string, string | number> | undefined
  for (const name in values) {
    const value = values[name]!
    if (typeof value !== 'object') continue
    said ??= { ...(values as Record<string, string | number>) }
    said[name] = formatMessage(value)
  }
  return translateKey(message.key, said ?? (values as Record<string, string | number>))
}

/**
 * The words of an upload's row outcome: said now (`message`: what journals, reports and the CLI keep)
 * and kept as a message (`said`), so a screen says them again in the language of whoever reads them.
 */
export function sentence(message: Message): { message: string; said: Message } {
  return { message: formatMessage(message), said: message }
}
