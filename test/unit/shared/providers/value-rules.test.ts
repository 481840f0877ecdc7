import { describe, expect, it } from 'vitest'
import { PROVIDERS } from '#shared/providers/registry.ts'
import type { FieldIssue, MappedRecord, ProviderDefinition } from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'

// The contract of `ProviderDefinition.valueRules`: checkRecord reads a (non-custom) field's value only
// through that field's value rule, so what it reports is what the row's set of fields decides plus
// what the value rules say. A value check added to checkRecord without a rule breaks these tests.

const AWKWARD_VALUES = [
  'x',
  'X Y',
  'a@b.co',
  'not an email',
  '+48 600 100 200',
  '12',
  '-3',
  '0',
  '2024-02-30',
  '2024-01-05T10:00:00+01:00',
  'ZZ',
  'pl',
  'Europe/Warsaw',
  'm',
  'Łukasz',
  'O’Brien',
  'a'.repeat(300),
  '<b>',
  'ümlaut@x.de',
  '123abc',
  'https://example.com/a?b=1',
  'true',
  '1 234,5',
]

/** The same issues, in any order (a value rule's issues need not come last). */
function sorted(issues: readonly FieldIssue[]): string[] {
  return issues.map((issue) => JSON.stringify(issue)).sort()
}

describe.each(Object.values(PROVIDERS) as ProviderDefinition[])('$displayName', (provider) => {
  const rules = provider.valueRules ?? {}
  const checkRecord = (record: MappedRecord) => provider.checkRecord?.(record) ?? []
  const ruleIssues = (key: string, value: string) => rules[key]?.(value) ?? []
  const fields = provider.fields.filter((field) => !provider.custom?.owns(field.key))

  /** The first corpus value this key's value rule accepts (any value when it has none). */
  const reference = (key: string) => AWKWARD_VALUES.find((value) => ruleIssues(key, value).length === 0)

  // A record with a value for every field that has one both its value rule and its field check accept.
  const fullRecord: Record<string, string> = {}
  for (const field of fields) {
    const value = AWKWARD_VALUES.find(
      (candidate) =>
        ruleIssues(field.key, candidate).length === 0 && checkField(field, candidate).length === 0,
    )
    if (value !== undefined) fullRecord[field.key] = value
  }
  const bases: [string, MappedRecord][] = [
    ['an empty record', {}],
    ['a record with a good value in every field it can have one', fullRecord],
  ]

  it('has value rules only for its own, non-custom fields', () => {
    const keys = fields.map((field) => field.key)
    for (const key of Object.keys(rules)) expect(keys, key).toContain(key)
  })

  it('has a value each value rule accepts, to compare the others with', () => {
    for (const key of Object.keys(rules)) expect(reference(key), key).toBeDefined()
  })

  it.each(bases)('judges %s by which fields it has, plus what the value rules say', (_, base) => {
    for (const { key } of fields) {
      const good = reference(key)
      if (good === undefined) continue // reported by the test above
      const expected = checkRecord({ ...base, [key]: good })
      for (const value of AWKWARD_VALUES) {
        const found = ruleIssues(key, value)
        const actual = checkRecord({ ...base, [key]: value })
        if (found.length === 0) {
          expect(actual, `${key}: ${value}`).toEqual(expected)
        } else {
          // The rule's issues are reported, and nothing else changes.
          expect(sorted(actual), `${key}: ${value}`).toEqual(sorted([...expected, ...found]))
        }
      }
    }
  })
})

// The same contract for custom fields (`CustomFieldSpec.valueRule`): checkRecord reads a custom
// field's value only through its rule. Every type a provider offers, with every awkward value.
describe.each(
  (Object.values(PROVIDERS) as ProviderDefinition[]).filter((provider) => provider.custom !== null),
)('$displayName, custom fields', (provider) => {
  const custom = provider.custom!
  const checkRecord = (record: MappedRecord) => provider.checkRecord?.(record) ?? []
  const keys = (custom.types ?? [{ value: undefined }]).map(({ value }) =>
    custom.keyFor('Loyalty tier', value),
  )

  it('says how checkRecord reads custom fields', () => {
    expect(custom.valueRule).toBeDefined()
  })

  it.each(keys)('judges %s by its value rule alone', (key) => {
    const rule = custom.valueRule?.(key) ?? null
    const ruleIssues = (value: string) => rule?.(value) ?? []
    const good = AWKWARD_VALUES.find((value) => ruleIssues(value).length === 0)
    expect(good, 'a value the rule accepts').toBeDefined()
    const expected = checkRecord({ [key]: good! })
    for (const value of AWKWARD_VALUES) {
      const found = ruleIssues(value)
      expect(sorted(checkRecord({ [key]: value })), `${key}: ${value}`).toEqual(
        sorted([...expected, ...found]),
      )
    }
    // Absent, the field is judged by the rest of the record as when present with a fine value.
    expect(checkRecord({})).toEqual(expected)
  })
})

// The byte forms of value rules (`ProviderDefinition.valueRulesOnBytes`) may be unsure of a fine value,
// never sure of a value its rule flags.
const MORE_VALUES = [
  '48600100200',
  '+48 600 100 200',
  '0048600100200',
  '00 12',
  '+48 600 100 2OO',
  '2024-01-05T10:00:00+01:00',
  '2024-01-05T10:00:00Z',
  '2024-01-05 10:00:00+01:00',
  'a-b_c+d@x.pl',
  'a,b@x.pl',
  'PL',
  'P1',
  'Smith',
  "O'Brien-Jones",
  'Anne Marie',
  'St. John',
  'Zoë',
  'Żółkiewska',
  'Ольга',
  '陽翔',
  'サンプル',
  'Müller-Łęcka',
]

describe.each(Object.values(PROVIDERS) as ProviderDefinition[])(
  '$displayName, rules on bytes',
  (provider) => {
    const onBytes = provider.valueRulesOnBytes ?? {}
    const utf8 = new TextEncoder()

    it('has byte forms only of its value rules', () => {
      for (const key of Object.keys(onBytes))
        expect(Object.keys(provider.valueRules ?? {}), key).toContain(key)
    })

    it.each(Object.keys(onBytes))('vouches for %s only when the rule finds nothing', (key) => {
      const rule = provider.valueRules![key]!
      let vouched = 0
      for (const value of [...AWKWARD_VALUES, ...MORE_VALUES]) {
        if (value === '' || value !== value.trim()) continue // cells reach the rules trimmed and non-empty
        const bytes = utf8.encode(`x,${value},y`)
        if (!onBytes[key]!(bytes, 2, bytes.length - 2)) continue
        vouched++
        expect(rule(value), `${key}: ${value}`).toEqual([])
      }
      expect(vouched, 'a byte form that never vouches would test nothing').toBeGreaterThan(0)
    })

    it.each(Object.keys(onBytes))('vouches for %s with no character the rule would refuse', (key) => {
      // Every character of the Basic Multilingual Plane, between two letters (names) and alone.
      const rule = provider.valueRules![key]!
      for (let code = 0x21; code <= 0xffff; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue
        for (const value of [`A${String.fromCharCode(code)}b`, String.fromCharCode(code)]) {
          const bytes = utf8.encode(value)
          if (value !== value.trim() || !onBytes[key]!(bytes, 0, bytes.length)) continue
          expect(rule(value), `${key}: U+${code.toString(16).padStart(4, '0')}`).toEqual([])
        }
      }
    })
  },
)
