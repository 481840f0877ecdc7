import type { FieldIssue, MappedRecord } from '../types.ts'
import { normaliseNumber } from '../../validation/rules.ts'
import { ADDRESS_SLOTS, REQUIRED_ADDRESS_PARTS } from './schema.ts'

// Propeller-specific checks on top of the per-field ones: an address is all or nothing (street, city
// and country are required in every address Propeller stores), and the language must be one that
// reduces to a two-letter ISO 639-1 code. A Propeller customer ID, when given, must be one Propeller
// could have made (a positive whole number); whether it is needed depends on the connection's
// "Match customers by" setting, which this check cannot see, so request.ts enforces that part.

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
  const propellerId = record['propellerId']
  // A value that is not a whole number at all is already reported by the integer field check.
  if (propellerId !== undefined && /^-?\d+$/.test(normaliseNumber(propellerId))) {
    const id = Number(normaliseNumber(propellerId))
    if (id < 1 || !Number.isSafeInteger(id)) {
      issues.push({
        field: 'propellerId',
        severity: 'error',
        rule: 'propellerId',
        message: `"${propellerId}" cannot be a Propeller customer ID: those are whole numbers from 1 up, e.g. 25494. Copy the ID from Propeller, or leave the cell empty.`,
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
