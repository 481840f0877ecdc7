import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { plural } from '../../lib/format.ts'
import { countryName, defaultPhoneCountry } from '../mapping/countries.ts'
import { isPhoneField } from '../mapping/field-kind.ts'
import { findTransform, withTransform } from '../mapping/transform-list.ts'

interface PhoneFixProps {
  provider: ProviderDefinition
  field: string
  /** Rows with an error in this field. */
  count: number
  assignment: Assignment | undefined
  /** Gives the field's assignment these transforms and checks every row again. */
  onApply(transforms: Assignment['transforms']): void
}

/**
 * The suggested fix for a phone field whose numbers are written the local way: read them for a
 * country, on every row at once. The same transform as the mapping screen's phone panel, where it
 * can be changed later; offered only while the field has none.
 */
export function PhoneFix({ provider, field, count, assignment, onApply }: PhoneFixProps) {
  const definition = provider.fields.find((candidate) => candidate.key === field)
  if (!definition || !assignment || !isPhoneField(definition, assignment)) return null
  if (findTransform(assignment.transforms, 'phone')) return null
  const country = defaultPhoneCountry(provider.id)
  return (
    <button
      type="button"
      className="button small secondary"
      onClick={() => onApply(withTransform(assignment.transforms, 'phone', { kind: 'phone', country }))}
    >
      Read them as {countryName(country)} numbers ({plural(count, 'row')})
    </button>
  )
}
