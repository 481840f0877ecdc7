// Every catalog, bundled: the app is offline-first and the catalogs are small, so there is no loading
// step and the first frame is already in the right language. One namespace per stage or area, each
// owned by the code that says it (renderer/src/features/<ns>, the engine, the providers).
import type { Language } from './languages.ts'
import enCommon from './locales/en/common.json' with { type: 'json' }
import enConnections from './locales/en/connections.json' with { type: 'json' }
import enEngine from './locales/en/engine.json' with { type: 'json' }
import enExport from './locales/en/export.json' with { type: 'json' }
import enFile from './locales/en/file.json' with { type: 'json' }
import enMapping from './locales/en/mapping.json' with { type: 'json' }
import enMenu from './locales/en/menu.json' with { type: 'json' }
import enProvider from './locales/en/provider.json' with { type: 'json' }
import enProviders from './locales/en/providers.json' with { type: 'json' }
import enReview from './locales/en/review.json' with { type: 'json' }
import enSending from './locales/en/sending.json' with { type: 'json' }
import enUpload from './locales/en/upload.json' with { type: 'json' }
import enValidation from './locales/en/validation.json' with { type: 'json' }
import nlCommon from './locales/nl/common.json' with { type: 'json' }
import nlConnections from './locales/nl/connections.json' with { type: 'json' }
import nlEngine from './locales/nl/engine.json' with { type: 'json' }
import nlExport from './locales/nl/export.json' with { type: 'json' }
import nlFile from './locales/nl/file.json' with { type: 'json' }
import nlMapping from './locales/nl/mapping.json' with { type: 'json' }
import nlMenu from './locales/nl/menu.json' with { type: 'json' }
import nlProvider from './locales/nl/provider.json' with { type: 'json' }
import nlProviders from './locales/nl/providers.json' with { type: 'json' }
import nlReview from './locales/nl/review.json' with { type: 'json' }
import nlSending from './locales/nl/sending.json' with { type: 'json' }
import nlUpload from './locales/nl/upload.json' with { type: 'json' }
import nlValidation from './locales/nl/validation.json' with { type: 'json' }
import plCommon from './locales/pl/common.json' with { type: 'json' }
import plConnections from './locales/pl/connections.json' with { type: 'json' }
import plEngine from './locales/pl/engine.json' with { type: 'json' }
import plExport from './locales/pl/export.json' with { type: 'json' }
import plFile from './locales/pl/file.json' with { type: 'json' }
import plMapping from './locales/pl/mapping.json' with { type: 'json' }
import plMenu from './locales/pl/menu.json' with { type: 'json' }
import plProvider from './locales/pl/provider.json' with { type: 'json' }
import plProviders from './locales/pl/providers.json' with { type: 'json' }
import plReview from './locales/pl/review.json' with { type: 'json' }
import plSending from './locales/pl/sending.json' with { type: 'json' }
import plUpload from './locales/pl/upload.json' with { type: 'json' }
import plValidation from './locales/pl/validation.json' with { type: 'json' }

/** English is the source language: its catalogs define the keys (and their types) for the others. */
export const english = {
  common: enCommon,
  connections: enConnections,
  engine: enEngine,
  export: enExport,
  file: enFile,
  mapping: enMapping,
  menu: enMenu,
  provider: enProvider,
  providers: enProviders,
  review: enReview,
  sending: enSending,
  upload: enUpload,
  validation: enValidation,
}

export type Namespace = keyof typeof english

export const NAMESPACES = Object.keys(english) as Namespace[]

type Catalog = Record<string, unknown>

export const catalogs: Record<Language, Record<Namespace, Catalog>> = {
  en: english,
  pl: {
    common: plCommon,
    connections: plConnections,
    engine: plEngine,
    export: plExport,
    file: plFile,
    mapping: plMapping,
    menu: plMenu,
    provider: plProvider,
    providers: plProviders,
    review: plReview,
    sending: plSending,
    upload: plUpload,
    validation: plValidation,
  },
  nl: {
    common: nlCommon,
    connections: nlConnections,
    engine: nlEngine,
    export: nlExport,
    file: nlFile,
    mapping: nlMapping,
    menu: nlMenu,
    provider: nlProvider,
    providers: nlProviders,
    review: nlReview,
    sending: nlSending,
    upload: nlUpload,
    validation: nlValidation,
  },
}
