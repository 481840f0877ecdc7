import type { FieldIssue, MappedRecord, ProviderDefinition, ProviderField } from '../providers/types.ts'
import { checkE164Phone, checkEmail, checkLocale, checkMaxLength, normaliseToE164 } from './rules.ts'

/** The value a field will be sent with: phone numbers are normalised before they are checked or sent. */
export function fieldValue(field: Pick<ProviderField, 'type'>, raw: string): string {
  return field.type === 'phone' ? normaliseToE164(raw) : raw
}

function checkField(field: ProviderField, raw: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  const value = fieldValue(field, raw)
  const add = (rule: string, message: string | null) => {
    if (message) issues.push({ field: field.key, severity: 'error', rule, message })
  }
  if (field.type === 'email') add('email', checkEmail(value))
  if (field.type === 'phone') add('phone', checkE164Phone(value))
  if (field.type === 'locale') add('locale', checkLocale(value))
  if (field.maxLength !== undefined) add('maxLength', checkMaxLength(value, field.maxLength))
  return issues
}

/** All issues of one mapped row: per-field rules, required fields, custom fields, then provider rules. */
export function validateRecord(provider: ProviderDefinition, record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const field of provider.fields) {
    const raw = record[field.key]
    if (raw === undefined) {
      if (field.required) {
        issues.push({
          field: field.key,
          severity: 'error',
          rule: 'required',
          message: `${field.label} is required by ${provider.displayName}. Fill it in or map a column to it.`,
        })
      }
      continue
    }
    issues.push(...checkField(field, raw))
  }
  if (provider.custom) {
    for (const [key, value] of Object.entries(record)) {
      if (!provider.custom.owns(key)) continue
      const tooLong = checkMaxLength(value, provider.custom.maxLength)
      if (tooLong) issues.push({ field: key, severity: 'error', rule: 'maxLength', message: tooLong })
    }
  }
  if (provider.checkRecord) issues.push(...provider.checkRecord(record))
  return issues
}
