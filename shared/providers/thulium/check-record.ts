import { message } from '../../i18n/message.ts'
import type { FieldIssue, MappedRecord, ValueRule } from '../types.ts'
import { isNumericPhone, normalisePhone } from './request.ts'
import { addValueRuleIssues } from '../value-rules.ts'

// Thulium-specific checks on top of the per-field ones: the phone rule Thulium documents, and a
// warning when a row cannot be found again later.

/** Thulium's checks of one field's value, by record key (`ProviderDefinition.valueRules`). */
export const THULIUM_VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  phone_number: (phone) =>
    isNumericPhone(normalisePhone(phone))
      ? []
      : [
          {
            field: 'phone_number',
            severity: 'error',
            rule: 'phone',
            message: message('validation:thulium.phone', { value: phone }),
          },
        ],
}

const VALUE_RULES = Object.entries(THULIUM_VALUE_RULES)

export function checkThuliumRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  addValueRuleIssues(VALUE_RULES, record, issues)
  if (record['identifier'] === undefined) {
    issues.push({
      field: 'identifier',
      severity: 'warning',
      rule: 'identifier',
      message: message('validation:thulium.identifier'),
    })
  }
  return issues
}
