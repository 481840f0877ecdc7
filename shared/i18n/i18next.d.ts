import type { english } from './catalogs.ts'

// Keys passed to t() are checked against the English catalogs at compile time: a typo or a key that
// was never written fails `npm run typecheck`, not a person reading the screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof english
  }
}
