import type { FieldIssue, MappedRecord } from '../types.ts'
import { ADDRESS_SLOTS, REQUIRED_ADDRESS_PARTS } from './schema.ts'

// Propeller-specific checks on top of the per-field ones: an address is all or nothing (street, city
// and country are required in every address Propeller stores), and the language must be one that
// reduces to a two-letter ISO 639-1 code.

const PART_LABELS: Record<(typeof REQUIRED_ADDRESS_PARTS)[number], string> = {
  street: 'street',
  city: 'city',
  country: 'country',
}

export function checkPropellerRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (let slot = 0; slot < ADDRESS_SLOTS; slot++) {
    const prefix = `addresses.${slot}.`
    const given = Object.keys(record).filter((key) => key.startsWith(prefix))
    if (given.length === 0) continue
    const name = slot === 0 ? 'The address' : 'The second address'
    for (const part of REQUIRED_ADDRESS_PARTS) {
      if (record[prefix + part] !== undefined) continue
      issues.push({
        field: prefix + part,
        severity: 'error',
        rule: 'address',
        message: `${name} has no ${PART_LABELS[part]}. Propeller needs street, city and country for every address: fill in the ${PART_LABELS[part]}, or clear the other address cells of this row.`,
      })
    }
  }
  const language = record['primaryLanguage']
  if (language !== undefined && !/^[A-Za-z]{2}([_-]([A-Za-z]{2}|\d{3}))?$/.test(language.trim())) {
    issues.push({
      field: 'primaryLanguage',
      severity: 'error',
      rule: 'language',
      message: `"${language}" is not a two-letter language code. Propeller needs an ISO 639-1 code such as NL, EN or DE.`,
    })
  }
  return issues
}
