import { setI18n } from 'react-i18next'
import { i18n } from '#shared/i18n/i18n.ts'

// useTranslation() reads the shared instance from here: one instance for the whole renderer, already
// initialised with every catalog (no provider component, no suspense while catalogs load).
setI18n(i18n)
