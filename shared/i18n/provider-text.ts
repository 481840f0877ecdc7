// What Crosswalk says about a provider (its fields, their help, its connection settings) in the current
// language. The English stays in each provider's definition, next to the API knowledge it comes from;
// shared/i18n/locales/<language>/providers.json holds the translations, keyed by provider and then by
// where the text is used, e.g. `kustomer.fields.emails_0_email.label`. A text with no translation is
// said in English; the catalog test lists those for Polish and Dutch.
import type { ProviderId } from '../ids.ts'
import { translateKey } from './i18n.ts'

/** Field keys contain dots (`emails.0.email`), which the catalogs use to nest: they become `_`. */
export const catalogSegment = (key: string): string => key.replaceAll('.', '_')

/** `path` is dot-separated catalog segments under the provider, e.g. `connection.apiKey.help`. */
export function providerText(providerId: ProviderId, path: string, english: string): string {
  return translateKey(`providers:${providerId}.${path}`, { defaultValue: english })
}

interface FieldText {
  key: string
  label: string
  help: string
}

export const fieldLabel = (providerId: ProviderId, field: Pick<FieldText, 'key' | 'label'>): string =>
  providerText(providerId, `fields.${catalogSegment(field.key)}.label`, field.label)

export const fieldHelp = (providerId: ProviderId, field: Pick<FieldText, 'key' | 'help'>): string =>
  providerText(providerId, `fields.${catalogSegment(field.key)}.help`, field.help)

export const providerTagline = (provider: { id: ProviderId; tagline: string }): string =>
  providerText(provider.id, 'tagline', provider.tagline)

interface ConnectionFieldText {
  key: string
  label: string
  help: string
  placeholder?: string
}

/** A connection form input's label, help or placeholder: `<id>.connection.<key>.<part>`. */
export function connectionFieldText(
  providerId: ProviderId,
  field: ConnectionFieldText,
  part: 'label' | 'help' | 'placeholder',
): string {
  return providerText(providerId, `connection.${field.key}.${part}`, field[part] ?? '')
}

/** A choice of a connection input (a region, a cluster): `<id>.connection.<key>.choices.<value>`. */
export const connectionChoiceLabel = (
  providerId: ProviderId,
  fieldKey: string,
  choice: { value: string; label: string },
): string =>
  providerText(providerId, `connection.${fieldKey}.choices.${catalogSegment(choice.value)}`, choice.label)

/** The custom-fields panel: `<id>.custom.label|help`, and a type's name `<id>.custom.types.<value>`. */
export const customFieldText = (providerId: ProviderId, path: string, english: string): string =>
  providerText(providerId, `custom.${path}`, english)
