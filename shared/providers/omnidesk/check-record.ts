import type { FieldIssue, MappedRecord } from '../types.ts'
import { omnideskNameSpelling, unacceptableNameCharacters } from './names.ts'

// Omnidesk's name pattern, checked before anything is sent. A name that only needs a simpler
// spelling is a warning (it is sent as that spelling); one that cannot match is an error.

const NAME_FIELDS = [
  { key: 'firstname', label: 'First name' },
  { key: 'lastname', label: 'Last name' },
] as const

function describe(characters: readonly string[]): string {
  return characters.map((character) => (character === ' ' ? 'space' : `"${character}"`)).join(', ')
}

export function checkOmnideskRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const { key, label } of NAME_FIELDS) {
    const name = record[key]
    if (name === undefined) continue
    const bad = unacceptableNameCharacters(name)
    if (bad.length > 0) {
      issues.push({
        field: key,
        severity: 'error',
        rule: 'omnideskName',
        message: `${label} "${name}" contains ${describe(bad)}, which Omnidesk does not accept in names. Use only letters, spaces, dots, hyphens and apostrophes (digits and commas are not allowed).`,
      })
      continue
    }
    const spelling = omnideskNameSpelling(name)
    if (spelling !== name) {
      issues.push({
        field: key,
        severity: 'warning',
        rule: 'omnideskNameSpelling',
        message: `Omnidesk does not accept some letters of "${name}", so it will be sent as "${spelling}". Change the cell if you prefer another spelling.`,
      })
    }
  }
  return issues
}
