import { catalogSegment } from '../i18n/provider-text.ts'
import type { ProviderId } from '../ids.ts'

// A message that names one of a provider's fields says it with the label the screens show, in the
// language chosen when the message is read (not when the row was checked). The catalogs do that with
// `$t(validation:fieldLabel)`, which nests the provider's translated label
// (`providers:<id>.fields.<key>.label`) and falls back to the English label carried here.

export interface FieldLabelValues {
  providerId: string
  fieldKey: string
  /** The English label, escaped for the JSON options of the nested `$t(…, {"defaultValue": …})`. */
  field: string
  [name: string]: string | number
}

export function fieldLabelValues(
  providerId: ProviderId | string,
  field: { key: string; label: string },
): FieldLabelValues {
  return {
    providerId,
    fieldKey: catalogSegment(field.key),
    field: field.label.replace(/["\\]/g, '\\$&'),
  }
}
