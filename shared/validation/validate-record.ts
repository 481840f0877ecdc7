import { message, type Message } from '../i18n/message.ts'
import type { FieldIssue, MappedRecord, ProviderDefinition, ProviderField } from '../providers/types.ts'
import { fieldLabelValues } from './field-label.ts'
import {
  checkBoolean,
  checkChoice,
  checkDate,
  checkDateTime,
  checkE164Phone,
  checkEmail,
  checkInteger,
  checkLocale,
  checkMaxLength,
  checkNumber,
  checkUrl,
  normaliseBoolean,
  normaliseChoice,
  normaliseNumber,
  normaliseToE164,
} from './rules.ts'

/**
 * The value a field will be sent with. Forgiving spellings are normalised before they are checked
 * or sent: phone punctuation, decimal commas, yes/no words, the case of a choice.
 */
export function fieldValue(field: Pick<ProviderField, 'type' | 'options'>, raw: string): string {
  switch (field.type) {
    case 'phone':
      return normaliseToE164(raw)
    case 'number':
    case 'integer':
      return normaliseNumber(raw)
    case 'boolean':
      return normaliseBoolean(raw)
    case 'enum':
      return normaliseChoice(raw, field.options ?? [])
    default:
      return raw
  }
}

function typeCheck(field: ProviderField, value: string): Message | null {
  switch (field.type) {
    case 'email':
      return checkEmail(value)
    case 'phone':
      return checkE164Phone(value)
    case 'locale':
      return checkLocale(value)
    case 'number':
      return checkNumber(value)
    case 'integer':
      return checkInteger(value)
    case 'date':
      return checkDate(value)
    case 'datetime':
      return checkDateTime(value)
    case 'boolean':
      return checkBoolean(value)
    case 'url':
      return checkUrl(value)
    case 'enum':
      return checkChoice(value, field.options ?? [])
    case 'text':
    case 'list':
      return null
  }
}

export function checkField(field: ProviderField, raw: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  const value = fieldValue(field, raw)
  const add = (rule: string, found: Message | null) => {
    if (found) issues.push({ field: field.key, severity: 'error', rule, message: found })
  }
  add(field.type, typeCheck(field, value))
  if (field.maxLength !== undefined) add('maxLength', checkMaxLength(value, field.maxLength))
  return issues
}

/** "First name is required by Omnidesk. Fill it in or map a column to it." */
export function requiredMessage(provider: ProviderDefinition, field: ProviderField): Message {
  return message('validation:rules.required', {
    ...fieldLabelValues(provider.id, field),
    provider: provider.displayName,
  })
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
          message: requiredMessage(provider, field),
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
