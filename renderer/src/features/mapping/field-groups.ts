import type { FieldGroup } from '#shared/providers/types.ts'

/** How the mapping screen groups a provider's fields, in the order it shows them. */
export const FIELD_GROUPS: readonly { id: FieldGroup; title: string }[] = [
  { id: 'identity', title: 'Identity' },
  { id: 'contact', title: 'Contact' },
  { id: 'address', title: 'Address' },
  { id: 'other', title: 'Other' },
]
