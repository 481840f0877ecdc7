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
      message: `"${phone}" is not a phone number Thulium accepts: it must be digits only (one number per cell), optionally with the country code, e.g. 48555666777 or +48 555 666 777.`,
    })
  }
  if (record['identifier'] === undefined) {
    issues.push({
      field: 'identifier',
      severity: 'warning',
      rule: 'identifier',
      message:
        'This row has no Customer identifier, so Crosswalk cannot find the customer in Thulium later: uploading the file again will create a second customer. Map a column with your customer numbers to Customer identifier to avoid that.',
    })
  }
  return issues
}
