import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '#shared/i18n/languages.ts'
import { startedWith, switchLanguage, systemLanguage } from '../lib/language.ts'

const SYSTEM = 'system'

/** The header's language choice: "the computer's language" or one of Crosswalk's, remembered. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation()
  const [choice, setChoice] = useState<Language | typeof SYSTEM>(
    startedWith.followSystem ? SYSTEM : (i18n.language as Language),
  )
  const [failed, setFailed] = useState(false)

  const choose = (value: string) => {
    const next = isLanguage(value) ? value : SYSTEM
    setChoice(next)
    switchLanguage(next === SYSTEM ? systemLanguage() : next, next === SYSTEM).then(
      () => setFailed(false),
      () => setFailed(true),
    )
  }

  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={choice}
        onChange={(event) => choose(event.target.value)}
        aria-invalid={failed || undefined}
        title={failed ? t('language.failed') : t('language.label')}
      >
        <option value={SYSTEM}>{t('language.system', { language: LANGUAGE_NAMES[systemLanguage()] })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  )
}
