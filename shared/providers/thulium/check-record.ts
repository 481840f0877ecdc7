import { message } from '../../i18n/message.ts'
import type { FieldIssue, MappedRecord } from '../types.ts'
import { isNumericPhone, normalisePhone } from './request.ts'

// Thulium-specific checks on top of the per-field ones: the phone rule Thulium documents, and a
// warning when a row cannot be found again later.

export function checkThuliumRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  const phone = record['phone_number']
  if (phone !== undefined && !isNumericPhone(normalisePhone(phone))) {
    issues.push({
      field: 'phone_number',
      severity: 'error',
      rule: 'phone',
      message: message('validation:thulium.phone', { value: phone }),
    })
  }
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
