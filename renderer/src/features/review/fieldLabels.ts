import type { ProviderDefinition } from '#shared/providers/types.ts'

/** The label a person knows a record key by: the field's label, or the custom key itself. */
export function fieldLabel(provider: ProviderDefinition, key: string): string {
  return provider.fields.find((field) => field.key === key)?.label ?? key
}
