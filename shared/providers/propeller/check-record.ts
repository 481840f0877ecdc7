import { message } from '../../i18n/message.ts'
import type { FieldIssue, MappedRecord, ValueRule } from '../types.ts'
import { normaliseNumber } from '../../validation/rules.ts'
import { ADDRESS_SLOTS, REQUIRED_ADDRESS_PARTS } from './schema.ts'
import { addValueRuleIssues } from '../value-rules.ts'

// Propeller-specific checks on top of the per-field ones: an address is all or nothing (street, city
// and country are required in every address Propeller stores), and the language must be one that
// reduces to a two-letter ISO 639-1 code. A Propeller customer ID, when given, must be one Propeller
// could have made (a positive whole number); whether it is needed depends on the connection's
// "Match customers by" setting, which this check cannot see, so request.ts enforces that part.

// One sentence per address and missing part (`validation:propeller.address.<slot>.<part>`): languages
// with cases say "no street" and "fill in the street" with different forms of the word.
const SLOT_NAMES = ['first', 'second'] as const

/**
 * Propeller's checks of one field's value, by record key (`ProviderDefinition.valueRules`), in the
 * order checkPropellerRecord reports them; the address check looks only at which parts a row has.
 */
export const PROPELLER_VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  propellerId: (propellerId) => {
    // A value that is not a whole number at all is already reported by the integer field check.
    if (!/^-?\d+$/.test(normaliseNumber(propellerId))) return []
    const id = Number(normaliseNumber(propellerId))
    if (id >= 1 && Number.isSafeInteger(id)) return []
    return [
      {
        field: 'propellerId',
        severity: 'error',
        rule: 'propellerId',
        message: message('validation:propeller.customerId', { value: propellerId }),
      },
    ]
  },
  primaryLanguage: (language) =>
    /^[A-Za-z]{2}([_-]([A-Za-z]{2}|\d{3}))?$/.test(language.trim())
      ? []
      : [
          {
            field: 'primaryLanguage',
            severity: 'error',
            rule: 'language',
            message: message('validation:propeller.language', { value: language }),
          },
        ],
}

const VALUE_RULES = Object.entries(PROPELLER_VALUE_RULES)

export function checkPropellerRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (let slot = 0; slot < ADDRESS_SLOTS; slot++) {
    const prefix = `addresses.${slot}.`
    if (!hasKeyStartingWith(record, prefix)) continue
    const name = SLOT_NAMES[slot] ?? 'second'
    for (const part of REQUIRED_ADDRESS_PARTS) {
      if (record[prefix + part] !== undefined) continue
      issues.push({
        field: prefix + part,
        severity: 'error',
        rule: 'address',
        message: message(`validation:propeller.address.${name}.${part}`),
      })
    }
  }
  addValueRuleIssues(VALUE_RULES, record, issues)
  return issues
}

/** Without copying the keys into an array: this runs on every row of the file. */
function hasKeyStartingWith(record: MappedRecord, prefix: string): boolean {
  for (const key in record) if (key.startsWith(prefix)) return true
  return false
}
