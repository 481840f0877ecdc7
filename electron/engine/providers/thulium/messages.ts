import { t } from '#shared/i18n/i18n.ts'

// Row messages the Thulium transport gives, in one place so they stay consistent. Functions, not
// constants: each sentence is made when a row gets it, in the language chosen by then.

export const tooLargeMessage = (): string => t('sending:thulium.tooLarge')

export const duplicateIdentifierSearch = (identifier: string): string =>
  t('sending:thulium.duplicateIdentifier', { identifier })

export const lookupRefused = (reason: string): string => t('sending:thulium.lookupRefused', { reason })

/** For creates whose fate is unknown and that cannot be checked (no identifier to search by). */
export function mayExist(what: string): string {
  return t('sending:thulium.mayExist', { what })
}

export function notUpdated(what: string): string {
  return t('sending:thulium.notUpdated', { what })
}

export const requestRefused = (reason: string): string => t('sending:thulium.requestRefused', { reason })
