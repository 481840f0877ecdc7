import { currentLanguage } from '#shared/i18n/i18n.ts'
import { fieldHelp, fieldLabel } from '#shared/i18n/provider-text.ts'
import type { ProviderDefinition, ProviderField } from '#shared/providers/types.ts'

// The mapping screen shows a provider's fields in the person's language. Rather than every component
// looking labels up, the screen hands them fields whose label and help are already translated; keys,
// types and options stay the provider's own, so mappings and checks are unchanged.

// The same array for the same provider and language, so that memos keyed on a field stay valid from
// one render to the next; a language switch gives new arrays, and with them the new words.
const cache = new WeakMap<readonly ProviderField[], Map<string, readonly ProviderField[]>>()

export function localisedFields(
  provider: Pick<ProviderDefinition, 'id' | 'fields'>,
): readonly ProviderField[] {
  const byLanguage = cache.get(provider.fields) ?? new Map<string, readonly ProviderField[]>()
  cache.set(provider.fields, byLanguage)
  const language = currentLanguage()
  let fields = byLanguage.get(language)
  if (!fields) {
    fields = provider.fields.map((field) => ({
      ...field,
      label: fieldLabel(provider.id, field),
      help: fieldHelp(provider.id, field),
    }))
    byLanguage.set(language, fields)
  }
  return fields
}
