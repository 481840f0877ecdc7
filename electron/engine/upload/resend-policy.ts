import type { ProviderId } from '#shared/ids.ts'
import { t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import { fieldLabel } from '#shared/i18n/provider-text.ts'
import { existingChoiceOf, matchByOf } from '#shared/providers/propeller/connection.ts'
import type { ConnectionSettings, MappedRecord, ProviderDefinition } from '#shared/providers/types.ts'

// After a crash, rows that were on their way to the provider may or may not have arrived. Sending
// such a row again is safe only when the provider will recognise the customer and update it instead
// of creating a second one: an upsert by key (Capillary identifiers, Propeller sourceId), or a lookup
// before writing (Thulium identifier, Omnidesk primary ID), or Kustomer's duplicate → update by
// External ID. Rows without such a key are not resent; their outcome says to check them. Propeller
// matching by its own customer id is the exception: an id Propeller does not know creates a customer
// with a new id, so resending could create it twice (unless the connection never creates).

// Keyed by id as text so a provider being added meanwhile defaults to the conservative "none".
const IDENTITY_KEYS: Readonly<Record<string, readonly string[]>> = {
  kustomer: ['externalId'],
  capillary: ['identifiers.externalId', 'identifiers.mobile', 'identifiers.email'],
  thulium: ['identifier'],
  omnidesk: ['primaryID'],
  propeller: ['sourceId'],
}

/** Whether resending this row cannot create a duplicate customer. */
export function safeToResend(
  providerId: ProviderId,
  record: MappedRecord,
  settings: ConnectionSettings,
): boolean {
  if (providerId === 'propeller' && createsById(settings)) return false
  return (IDENTITY_KEYS[providerId] ?? []).some((key) => record[key] !== undefined)
}

function createsById(settings: ConnectionSettings): boolean {
  return matchByOf(settings) === 'id' && existingChoiceOf(settings) !== 'updateOnly'
}

export function notResentMessage(provider: ProviderDefinition, settings: ConnectionSettings): Message {
  const keys = IDENTITY_KEYS[provider.id] ?? []
  const names = provider.fields
    .filter((field) => keys.includes(field.key))
    .map((field) => fieldLabel(provider.id, field))
  const values = { provider: provider.displayName }
  if (provider.id === 'propeller' && createsById(settings))
    return message('engine:upload.notResentPropellerById', values)
  if (names.length === 0) return message('engine:upload.notResent', values)
  // The field names are joined in the language of the time: a list is not a message.
  return message('engine:upload.notResentNoKey', { ...values, keys: names.join(t('engine:upload.keysOr')) })
}
