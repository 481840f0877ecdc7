import { message } from '../../i18n/message.ts'
import type { FieldIssue, MappedRecord, ValueRule } from '../types.ts'
import { ASSOCIATION_KEYS, IDENTIFIER_KEYS, NAME_MAX_LENGTH } from './schema.ts'
import { addValueRuleIssues } from '../value-rules.ts'

// Capillary's rules that the per-field type checks cannot express.

/** Capillary's email character set [C]: a-z, A-Z, 0-9 and - _ + . @ */
const EMAIL_CHARACTERS = /^[a-zA-Z0-9\-_+.@]+$/
/** `YYYY-MM-DDTHH:MM:SS+HH:MM`, the one registration date format Capillary documents. */
const CREATE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
/** Letters (any script), digits, spaces, hyphens and apostrophes [C]. */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N} '’-]+$/u

/** A first or last name: a warning when it is too long for Capillary, one when it has characters Capillary refuses. */
function checkName(key: string, name: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (name.length > NAME_MAX_LENGTH) {
    issues.push({
      field: key,
      severity: 'warning',
      rule: 'maxLength',
      message: message('validation:capillary.nameLength', { count: name.length, max: NAME_MAX_LENGTH }),
    })
  }
  if (!NAME_CHARACTERS.test(name)) {
    issues.push({
      field: key,
      severity: 'warning',
      rule: 'capillaryName',
      message: message('validation:capillary.nameCharacters', { value: name }),
    })
  }
  return issues
}

/**
 * Capillary's checks of one field's value, by record key (`ProviderDefinition.valueRules`), in the
 * order checkCapillaryRecord reports them; it reads no other value.
 */
export const CAPILLARY_VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  'identifiers.email': (email) =>
    EMAIL_CHARACTERS.test(email)
      ? []
      : [
          {
            field: 'identifiers.email',
            severity: 'error',
            rule: 'capillaryEmail',
            message: message('validation:capillary.emailCharacters', { value: email }),
          },
        ],
  createDate: (createDate) =>
    CREATE_DATE.test(createDate)
      ? []
      : [
          {
            field: 'createDate',
            severity: 'error',
            rule: 'capillaryDate',
            message: message('validation:capillary.createDate', { value: createDate }),
          },
        ],
  firstName: (name) => checkName('firstName', name),
  lastName: (name) => checkName('lastName', name),
}

const VALUE_RULES = Object.entries(CAPILLARY_VALUE_RULES)

export function checkCapillaryRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (IDENTIFIER_KEYS.every((key) => record[key] === undefined)) {
    issues.push({
      field: 'identifiers.externalId',
      severity: 'error',
      rule: 'identifier',
      message: message('validation:capillary.identifier'),
    })
  }
  addValueRuleIssues(VALUE_RULES, record, issues)
  issues.push(...checkAssociation(record))
  return issues
}

/** Which code a row lacks → its sentence (`validation:capillary.association.*`). */
const ASSOCIATION_MESSAGES: Record<string, string> = {
  'associationDetails.hierarchyCode': 'validation:capillary.association.hierarchyCode',
  'associationDetails.roleCode': 'validation:capillary.association.roleCode',
}

/**
 * Group Loyalty links place a customer at a role of a hierarchy [C: the seed's associationDetails], so
 * a row with any link (parent, fleet company) needs both codes; Capillary cannot place it otherwise.
 */
function checkAssociation(record: MappedRecord): FieldIssue[] {
  if (ASSOCIATION_KEYS.every((key) => record[key] === undefined)) return []
  const issues: FieldIssue[] = []
  for (const [key, missing] of Object.entries(ASSOCIATION_MESSAGES)) {
    if (record[key] !== undefined) continue
    issues.push({
      field: key,
      severity: 'error',
      rule: 'association',
      message: message(missing),
    })
  }
  return issues
}
