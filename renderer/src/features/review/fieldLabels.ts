import { fieldLabel as providerFieldLabel } from '#shared/i18n/provider-text.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'

/**
 * The label a person knows a record key by: the field's label in the current language, or the custom
 * key itself (a key the person made up has no translation).
 */
export function fieldLabel(provider: ProviderDefinition, key: string): string {
  const field = provider.fields.find((candidate) => candidate.key === key)
  return field ? providerFieldLabel(provider.id, field) : key
}
