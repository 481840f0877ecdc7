import type { FieldGroup } from '#shared/providers/types.ts'

/**
 * How the mapping screen groups a provider's fields, in the order it shows them. Titles are catalog
 * keys, said with t() when shown so they follow the language.
 */
export const FIELD_GROUPS = [
  { id: 'identity', titleKey: 'fieldGroups.identity' },
  { id: 'contact', titleKey: 'fieldGroups.contact' },
  { id: 'address', titleKey: 'fieldGroups.address' },
  { id: 'other', titleKey: 'fieldGroups.other' },
] as const satisfies readonly { id: FieldGroup; titleKey: `fieldGroups.${FieldGroup}` }[]
