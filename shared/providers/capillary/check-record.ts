import type { FieldIssue, MappedRecord } from '../types.ts'
import { ASSOCIATION_KEYS, IDENTIFIER_KEYS, NAME_MAX_LENGTH } from './schema.ts'

// Capillary's rules that the per-field type checks cannot express.

/** Capillary's email character set [C]: a-z, A-Z, 0-9 and - _ + . @ */
const EMAIL_CHARACTERS = /^[a-zA-Z0-9\-_+.@]+$/
/** `YYYY-MM-DDTHH:MM:SS+HH:MM`, the one registration date format Capillary documents. */
const CREATE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
/** Letters (any script), digits, spaces, hyphens and apostrophes [C]. */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N} '’-]+$/u

export function checkCapillaryRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (IDENTIFIER_KEYS.every((key) => record[key] === undefined)) {
    issues.push({
      field: 'identifiers.externalId',
      severity: 'error',
      rule: 'identifier',
      message:
        'Capillary needs at least one identifier for each customer: fill in External ID, Mobile or Email (External ID is best).',
    })
  }
  const email = record['identifiers.email']
  if (email !== undefined && !EMAIL_CHARACTERS.test(email)) {
    issues.push({
      field: 'identifiers.email',
      severity: 'error',
      rule: 'capillaryEmail',
      message: `"${email}" has characters Capillary does not accept in an email. Use only letters, digits and - _ + . @`,
    })
  }
  const createDate = record['createDate']
  if (createDate !== undefined && !CREATE_DATE.test(createDate)) {
    issues.push({
      field: 'createDate',
      severity: 'error',
      rule: 'capillaryDate',
      message: `"${createDate}" is not in the form Capillary takes. Write the date, time and time zone like 2016-06-23T19:11:18+08:00.`,
    })
  }
  for (const key of ['firstName', 'lastName']) {
    const name = record[key]
    if (name === undefined) continue
    if (name.length > NAME_MAX_LENGTH) {
      issues.push({
        field: key,
        severity: 'warning',
        rule: 'maxLength',
        message: `This name is ${name.length} characters long; Capillary keeps only the first ${NAME_MAX_LENGTH}.`,
      })
    }
    if (!NAME_CHARACTERS.test(name)) {
      issues.push({
        field: key,
        severity: 'warning',
        rule: 'capillaryName',
        message: `"${name}" has characters other than letters, digits, spaces, hyphens and apostrophes, which Capillary documents as the allowed ones; it may store the name differently.`,
      })
    }
  }
  issues.push(...checkAssociation(record))
  return issues
}

const ASSOCIATION_LABELS: Record<string, string> = {
  'associationDetails.hierarchyCode': 'Hierarchy code',
  'associationDetails.roleCode': 'Role code',
}

/**
 * Group Loyalty links place a customer at a role of a hierarchy [C: the seed's associationDetails], so
 * a row with any link (parent, fleet company) needs both codes; Capillary cannot place it otherwise.
 */
function checkAssociation(record: MappedRecord): FieldIssue[] {
  if (ASSOCIATION_KEYS.every((key) => record[key] === undefined)) return []
  const issues: FieldIssue[] = []
  for (const [key, label] of Object.entries(ASSOCIATION_LABELS)) {
    if (record[key] !== undefined) continue
    issues.push({
      field: key,
      severity: 'error',
      rule: 'association',
      message: `This row links the customer into a Group Loyalty hierarchy, which needs both a Hierarchy code and a Role code; fill in the ${label}, or clear the row's other Group Loyalty values.`,
    })
  }
  return issues
}
