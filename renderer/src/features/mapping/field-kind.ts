import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { choicesOf } from '#shared/mapping/transforms/value-map.ts'
import { findTransform } from './transform-list.ts'

// Which transform controls a field's panel offers: only those that make sense for its values.

const TEXT_LIKE = new Set<ProviderField['type']>(['text', 'email', 'phone', 'locale', 'list', 'url'])

/** Free text, where tidying, letter case, name parts and joined columns can help. */
export const isTextLike = (field: Pick<ProviderField, 'type'>): boolean => TEXT_LIKE.has(field.type)

export const isDateField = (field: Pick<ProviderField, 'type'>): boolean =>
  field.type === 'date' || field.type === 'datetime'

/**
 * Phone fields: some providers type their phone field as plain text (they accept it as written), so
 * the key counts too, and so does a phone transform someone already chose.
 */
export function isPhoneField(field: Pick<ProviderField, 'type' | 'key'>, assignment?: Assignment): boolean {
  return (
    field.type === 'phone' ||
    /phone|mobile|telefon/i.test(field.key) ||
    findTransform(assignment?.transforms, 'phone') !== undefined
  )
}

/** A choice of values (an enum), or a field someone already gave a value map. */
export function hasValueMap(
  field: Pick<ProviderField, 'type' | 'options' | 'suggestedValues'>,
  assignment?: Assignment,
): boolean {
  return (
    choicesOf(field).length > 0 ||
    field.type === 'enum' ||
    findTransform(assignment?.transforms, 'valueMap') !== undefined
  )
}
