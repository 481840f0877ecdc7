import { message } from '../../i18n/message.ts'
import { fieldLabelValues } from '../../validation/field-label.ts'
import type { FieldIssue, MappedRecord, ValueRule } from '../types.ts'
import { charactersOutsidePattern, OMNIDESK_NAME_PATTERN, omnideskNameSpelling } from './names.ts'
import { addValueRuleIssues } from '../value-rules.ts'

// Omnidesk's name pattern, checked before anything is sent. A name that only needs a simpler
// spelling is a warning (it is sent as that spelling); one that cannot match is an error.

// The characters are listed each in straight quotes in every language: a list cannot be re-quoted by
// the catalogs, and the straight quotes read as "this exact character" in Polish and Dutch too. A space
// is never among them (Omnidesk accepts spaces in names).
function describe(characters: readonly string[]): string {
  return characters.map((character) => `"${character}"`).join(', ')
}

/** A first or last name: an error when no spelling matches Omnidesk's pattern, a warning when one does. */
function checkName(key: string, label: string, name: string): FieldIssue[] {
  if (OMNIDESK_NAME_PATTERN.test(name)) return [] // the usual case
  const spelling = omnideskNameSpelling(name)
  const bad = charactersOutsidePattern(spelling)
  if (bad.length > 0) {
    return [
      {
        field: key,
        severity: 'error',
        rule: 'omnideskName',
        message: message('validation:omnidesk.nameCharacters', {
          ...fieldLabelValues('omnidesk', { key, label }),
          value: name,
          characters: describe(bad),
        }),
      },
    ]
  }
  if (spelling === name) return []
  return [
    {
      field: key,
      severity: 'warning',
      rule: 'omnideskNameSpelling',
      message: message('validation:omnidesk.nameSpelling', { value: name, spelling }),
    },
  ]
}

/** Omnidesk's checks of one field's value, by record key (`ProviderDefinition.valueRules`). */
export const OMNIDESK_VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  firstname: (name) => checkName('firstname', 'First name', name),
  lastname: (name) => checkName('lastname', 'Last name', name),
}

const VALUE_RULES = Object.entries(OMNIDESK_VALUE_RULES)

export function checkOmnideskRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  addValueRuleIssues(VALUE_RULES, record, issues)
  return issues
}
