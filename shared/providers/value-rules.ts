import type { FieldIssue, MappedRecord, ValueRule } from './types.ts'

/**
 * Adds the issues a provider's value rules (ProviderDefinition.valueRules, as entries, made once)
 * find in a record's values, in the rules' order: the one way a checkRecord reads values.
 */
export function addValueRuleIssues(
  rules: readonly (readonly [string, ValueRule])[],
  record: MappedRecord,
  issues: FieldIssue[],
): void {
  for (const [key, rule] of rules) {
    const value = record[key]
    if (value !== undefined) issues.push(...rule(value))
  }
}
