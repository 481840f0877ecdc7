import { message, type Message } from '#shared/i18n/message.ts'

// Row messages the Thulium transport gives, in one place so they stay consistent. Kept as messages
// (RowOutcome.said): each is said in the language of whoever reads the results.

export const tooLargeMessage = (): Message => message('sending:thulium.tooLarge')

export const duplicateIdentifierSearch = (identifier: string): Message =>
  message('sending:thulium.duplicateIdentifier', { identifier })

export const lookupRefused = (reason: string): Message => message('sending:thulium.lookupRefused', { reason })

/** For creates whose fate is unknown and that cannot be checked (no identifier to search by). */
export function mayExist(what: Message): Message {
  return message('sending:thulium.mayExist', { what })
}

export function notUpdated(what: Message): Message {
  return message('sending:thulium.notUpdated', { what })
}

export const requestRefused = (reason: string): Message =>
  message('sending:thulium.requestRefused', { reason })
