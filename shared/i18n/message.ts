// A sentence for a person, kept as a catalog key and its values until it is shown, so the engine can
// produce it once and each screen can say it in the language chosen at the time it is read.

export interface Message {
  /** `namespace:key` in the catalogs under shared/i18n/locales. */
  key: string
  /** A value may be a message itself ("Not sent because of a validation error: <the error>"). */
  values?: Record<string, MessageValue>
}

export type MessageValue = string | number | Message

export const message = (key: string, values?: Message['values']): Message =>
  values ? { key, values } : { key }
