import type { Assignment } from '#shared/mapping/mapping.ts'
import { detectDateOrder } from '#shared/mapping/transforms/date.ts'
import type { Transform } from '#shared/mapping/transforms/transform.ts'
import { choicesOf, suggestValueMap } from '#shared/mapping/transforms/value-map.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { hasValueMap, isDateField, isPhoneField } from './field-kind.ts'
import { countValues, valuesBefore } from './sample-values.ts'
import { findTransform, withTransform } from './transform-list.ts'

// What the transform panel fills in when it first opens on a field that has none of these yet: the
// phone numbers' country, a date order the values leave no doubt about, the clear translations of a
// choice. The person sees them in the panel and its preview and can undo each. An ambiguous date
// order is never proposed: only the person knows it.

export function proposedTransforms(
  field: ProviderField,
  assignment: Assignment,
  rows: readonly (readonly string[])[],
  defaultCountry: string,
): Transform[] | null {
  let transforms: Transform[] = assignment.transforms ?? []
  const start = transforms
  if (isPhoneField(field, assignment) && !findTransform(transforms, 'phone')) {
    transforms = withTransform(transforms, 'phone', { kind: 'phone', country: defaultCountry })
  }
  if (isDateField(field) && !findTransform(transforms, 'date')) {
    const detected = detectDateOrder(valuesBefore(assignment, 'date', rows))
    if (detected.kind === 'order')
      transforms = withTransform(transforms, 'date', { kind: 'date', order: detected.order })
  }
  if (hasValueMap(field, assignment) && !findTransform(transforms, 'valueMap')) {
    const distinct = countValues(valuesBefore(assignment, 'valueMap', rows)).map(({ value }) => value)
    const values = suggestValueMap(distinct, choicesOf(field))
    if (values.length > 0) transforms = withTransform(transforms, 'valueMap', { kind: 'valueMap', values })
  }
  return transforms === start ? null : transforms
}
