import type { Mapping } from '#shared/mapping/mapping.ts'
import { compileAssignment, isPlainAssignment } from '#shared/mapping/read-assignment.ts'
import type {
  FieldIssue,
  ProviderDefinition,
  ProviderField,
  ValueRule,
  ValueRuleOnBytes,
} from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'
import type { ParsedTable } from '../../ingest/index-table.ts'

// Each mapped value of a mapping, and how far its cell's bytes can vouch for it (fast-checks.ts):
// the field's own checks where they have a byte form (byte-rules.ts), and the provider's value rule
// where it has one (ProviderDefinition.valueRulesOnBytes); the rest is asked of the text.

// How a cell's bytes are asked about the value (a number: fast-checks.ts switches on it per cell).
/** Any text (a text field without a length limit, a list). */
export const ANY = 0
/** A text field with a length limit: its byte count bounds its length (UTF-16 units ≤ UTF-8 bytes). */
export const MAX_BYTES = 1
export const EMAIL = 2
export const PHONE = 3
export const DATE = 4
export const DATE_TIME = 5
/** Bytes cannot say: the decoded cell is asked (its verdict kept by fast-path/verdict-cache.ts). */
export const TEXT_ONLY = 6
/** Present, the row needs its record: keys outside the schema (and custom fields without a valueRule). */
export const RECORD = 7

export type ByteCheck =
  | typeof ANY
  | typeof MAX_BYTES
  | typeof EMAIL
  | typeof PHONE
  | typeof DATE
  | typeof DATE_TIME
  | typeof TEXT_ONLY
  | typeof RECORD

export interface MappedValue {
  byteCheck: ByteCheck
  /** The provider's value rule as bytes, asked after `byteCheck` passes (null: none, or TEXT_ONLY). */
  ruleOnBytes: ValueRuleOnBytes | null
  /** The column a plain assignment reads, or -1 when the value is only read as text (joined, transformed). */
  column: number
  maxLength: number
  /** The value as the record will have it ('' when absent): trimmed, joined, transformed. */
  read(row: number): string
  /** The value's own issues, from its text: the field's checks and the provider's rule. */
  issuesOf(text: string): readonly FieldIssue[]
}

export function mappedValues(
  provider: ProviderDefinition,
  mapping: Mapping,
  table: ParsedTable,
): MappedValue[] {
  return mapping.assignments.map((assignment) => {
    const key = assignment.field
    const schemaField = provider.fields.find((candidate) => candidate.key === key)
    const custom = schemaField ? null : provider.custom
    // A custom field is checked as a text field with the custom fields' length limit (what
    // validateRecord asks of each) plus its value rule; without a `valueRule` the provider has not
    // said how checkRecord reads it, and the row is read the ordinary way (RECORD).
    const field =
      schemaField ?? (custom?.owns(key) && custom.valueRule ? customTextField(key, custom.maxLength) : null)
    const rule = field && ((custom ? custom.valueRule?.(key) : provider.valueRules?.[key]) ?? null)
    const ruleOnBytes = (rule && !custom && provider.valueRulesOnBytes?.[key]) || null
    const reader = compileAssignment(assignment)
    const plain = isPlainAssignment(assignment)
    const byteCheck = byteCheckOf(field, rule !== null && ruleOnBytes === null)
    return {
      byteCheck: !plain && byteCheck !== RECORD ? TEXT_ONLY : byteCheck,
      ruleOnBytes,
      column: plain ? assignment.column : -1,
      maxLength: field?.maxLength ?? Number.POSITIVE_INFINITY,
      read: (row) => reader(row, table.cell),
      issuesOf: (text) => (field ? valueIssues(field, rule, text) : NONE),
    }
  })
}

export const NONE: readonly FieldIssue[] = []

function customTextField(key: string, maxLength: number): ProviderField {
  return { key, label: key, group: 'custom', type: 'text', required: false, help: '', aliases: [], maxLength }
}

function valueIssues(field: ProviderField, rule: ValueRule | null, text: string): readonly FieldIssue[] {
  const issues = checkField(field, text)
  if (rule === null) return issues
  const ruled = rule(text)
  return ruled.length === 0 ? issues : issues.length === 0 ? ruled : [...issues, ...ruled]
}

/** `textRuled`: the provider has a rule for the value that only its text can answer. */
function byteCheckOf(field: ProviderField | null, textRuled: boolean): ByteCheck {
  if (field === null) return RECORD
  if (textRuled) return TEXT_ONLY
  switch (field.type) {
    case 'text':
    case 'list':
      return field.maxLength === undefined ? ANY : MAX_BYTES
    case 'email':
      return EMAIL
    case 'phone':
      return PHONE
    case 'date':
      return DATE
    case 'datetime':
      return DATE_TIME
    default:
      return TEXT_ONLY
  }
}
