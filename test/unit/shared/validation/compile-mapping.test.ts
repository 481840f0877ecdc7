import { describe, expect, it } from 'vitest'
import { ProviderId } from '#shared/ids.ts'
import { applyMapping } from '#shared/mapping/apply-mapping.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { sampleCustomers } from '#shared/samples/sample-customers.ts'
import { compileMapping } from '#shared/validation/compile-mapping.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

// The compiled validator is the fast path; validateRecord is the plain reading of the rules. On
// every provider, over clean and damaged rows, they must find exactly the same issues.

const DAMAGE = [
  '',
  '  ',
  'not an email',
  '+1 (415) 555-0100',
  '2023-02-29',
  'x'.repeat(2000),
  ' padded ',
  'Łódź',
  '12,5',
]

function damaged(cells: readonly string[], seed: number): string[] {
  let state = seed
  const random = () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646
  return cells.map((cell) => (random() < 0.3 ? DAMAGE[Math.floor(random() * DAMAGE.length)]! : cell))
}

describe.each(ProviderId.options)('compiled validation for %s', (providerId) => {
  it('finds exactly what validateRecord finds, row by row', () => {
    const provider = PROVIDERS[providerId]
    const table = sampleCustomers(300, 5)
    const suggestions = autoMatch(table.headers, provider)
    const unmatched = table.headers
      .map((_, column) => column)
      .filter((column) => !suggestions.some((s) => s.column === column))
    const custom = provider.custom
    const assignments = [
      ...suggestions.map(({ field, column }) => ({ field, column })),
      ...(custom
        ? unmatched.map((column) => ({ field: custom.keyFor(table.headers[column]!), column }))
        : []),
    ]
    const mapping = { providerId, assignments }
    const compiled = compileMapping(provider, mapping)
    let issuesSeen = 0
    table.rows.forEach((row, index) => {
      const cells = damaged(row, index + 1)
      const expected = validateRecord(provider, applyMapping(cells, mapping))
      const record = compiled.record(index, (_row, column) => cells[column] ?? '')
      expect(record).toEqual(applyMapping(cells, mapping))
      expect(compiled.validate(record)).toEqual(expected)
      issuesSeen += expected.length
    })
    expect(issuesSeen).toBeGreaterThan(0) // the damage really exercised the rules
  })
})

describe('compiled validation with transforms and constants', () => {
  it('reads the same record as applyMapping, and a constant satisfies a required field', () => {
    const provider = PROVIDERS.thulium
    const mapping = {
      providerId: 'thulium' as const,
      assignments: [
        {
          field: 'name',
          column: 0,
          transforms: [{ kind: 'namePart' as const, part: 'allButLast' as const }],
        },
        { field: 'surname', column: 0, transforms: [{ kind: 'namePart' as const, part: 'last' as const }] },
        { field: 'phone_number', column: 1, transforms: [{ kind: 'phone' as const, country: 'PL' }] },
      ],
      constants: [{ field: 'email', value: 'shop@example.com' }],
    }
    const compiled = compileMapping(provider, mapping)
    const cells = ['Jan Kowalski', '601 234 567']
    const record = compiled.record(0, (_row, column) => cells[column] ?? '')
    expect(record).toEqual(applyMapping(cells, mapping))
    expect(record).toMatchObject({ name: 'Jan', surname: 'Kowalski', phone_number: '+48601234567' })
    expect(compiled.validate(record)).toEqual(validateRecord(provider, record))
  })
})
