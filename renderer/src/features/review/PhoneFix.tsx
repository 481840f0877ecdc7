import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { defaultPhoneCountry, phoneCountries } from '../mapping/countries.ts'
import { isPhoneField } from '../mapping/field-kind.ts'
import { findTransform, withTransform } from '../mapping/transform-list.ts'

interface PhoneFixProps {
  provider: ProviderDefinition
  field: string
  /** Rows with an error in this field. */
  count: number
  assignment: Assignment | undefined
  /** Gives the field's assignment these transforms; the step then checks every row again. */
  onApply(transforms: Assignment['transforms']): void
}

/**
 * The suggested fix for a phone field with refused numbers: read numbers written without a country
 * code as numbers of the chosen country, on every row at once. The same transform as the mapping
 * screen's phone panel; offered also when one is set, since the numbers may be from another country.
 */
export function PhoneFix({ provider, field, count, assignment, onApply }: PhoneFixProps) {
  const { t } = useTranslation('review')
  const id = useId()
  const current = findTransform(assignment?.transforms, 'phone')?.country
  const [country, setCountry] = useState(current ?? defaultPhoneCountry(provider.id))
  const definition = provider.fields.find((candidate) => candidate.key === field)
  if (!definition || !assignment || !isPhoneField(definition, assignment)) return null
  // A country set elsewhere (a template) stays choosable even when it is not in the usual list.
  // Named and sorted in the current language (useTranslation above re-renders this on a switch).
  const known = phoneCountries()
  const countries =
    current && !known.some((option) => option.code === current)
      ? [{ code: current, name: current }, ...known]
      : known
  return (
    <span className="phone-fix">
      <span aria-hidden="true">{t('phoneFix.lead')} </span>
      <label htmlFor={id}>{t('phoneFix.label')}</label>{' '}
      <select id={id} value={country} onChange={(event) => setCountry(event.target.value)}>
        {countries.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="button small secondary"
        disabled={country === current}
        onClick={() => onApply(withTransform(assignment.transforms, 'phone', { kind: 'phone', country }))}
      >
        {t('phoneFix.apply', { count })}
      </button>
    </span>
  )
}
