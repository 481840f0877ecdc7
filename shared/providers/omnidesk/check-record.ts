import { message } from '../../i18n/message.ts'
import { fieldLabelValues } from '../../validation/field-label.ts'
import type { FieldIssue, MappedRecord } from '../types.ts'
import { charactersOutsidePattern, OMNIDESK_NAME_PATTERN, omnideskNameSpelling } from './names.ts'

// Omnidesk's name pattern, checked before anything is sent. A name that only needs a simpler
// spelling is a warning (it is sent as that spelling); one that cannot match is an error.

const NAME_FIELDS = [
  { key: 'firstname', label: 'First name' },
  { key: 'lastname', label: 'Last name' },
] as const

// The characters are listed each in straight quotes in every language: a list cannot be re-quoted by
// the catalogs, and the straight quotes read as "this exact character" in Polish and Dutch too. A space
// is never among them (Omnidesk accepts spaces in names).
function describe(characters: readonly string[]): string {
  return characters.map((character) => `"${character}"`).join(', ')
}

export function checkOmnideskRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const { key, label } of NAME_FIELDS) {
    const name = record[key]
    if (name === undefined || OMNIDESK_NAME_PATTERN.test(name)) continue // the usual case
    const spelling = omnideskNameSpelling(name)
    const bad = charactersOutsidePattern(spelling)
    if (bad.length > 0) {
      issues.push({
        field: key,
        severity: 'error',
        rule: 'omnideskName',
        message: message('validation:omnidesk.nameCharacters', {
          ...fieldLabelValues('omnidesk', { key, label }),
          value: name,
          characters: describe(bad),
        }),
      })
      continue
    }
    if (spelling !== name) {
      issues.push({
        field: key,
        severity: 'warning',
        rule: 'omnideskNameSpelling',
        message: message('validation:omnidesk.nameSpelling', { value: name, spelling }),
      })
    }
  }
  return issues
}
