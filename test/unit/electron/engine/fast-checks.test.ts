import { afterAll, describe, expect, it } from 'vitest'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { identityKeyOf } from '#shared/providers/identity.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import type { FieldIssue, ProviderDefinition } from '#shared/providers/types.ts'
import { compileMapping } from '#shared/validation/compile-mapping.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'
import { Dataset } from '../../../../electron/engine/dataset/dataset.ts'
import { compileFastChecks } from '../../../../electron/engine/dataset/fast-path/fast-checks.ts'
import { hashText } from '../../../../electron/engine/dataset/fast-path/identity-hash.ts'
import { compileIdentityHasher } from '../../../../electron/engine/dataset/fast-path/identity-hasher.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import type { ParsedTable } from '../../../../electron/engine/ingest/index-table.ts'
import { AWKWARD_DATES, AWKWARD_EMAILS, AWKWARD_PHONES } from '../../../helpers/awkward-values.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Whole-file validation reads most rows from their bytes (electron/engine/dataset/fast-path/). These
// tests hold it to the ordinary path — validateRecord on each row's record — over a file made of the
// values that could tell them apart: spaces and Unicode spaces around values, escaped quotes, non-ASCII
// letters, values just over a length limit, near-miss emails, phones and dates, empty and ragged
// cells, repeated customers. Every provider, with its auto-matched mapping and with joined columns,
// transforms, constants and custom fields.

const files = tempFiles()
afterAll(() => files.cleanup())

const HEADERS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'birth_date',
  'customer_since',
  'company',
  'street',
  'city',
  'postal_code',
  'country',
  'gender',
  'notes',
  'tags',
]

const SPACES = ['', ' ', '\u00a0', '\u2003', '\u3000', '\ufeff', '\t']
const TEXT = [
  'Ann',
  'Łukasz',
  'Ольга',
  '陽翔',
  'O’Brien',
  'José María',
  "d'Arc",
  'Smith-Jones',
  'サンプル',
  'x'.repeat(256),
  '',
]
const COUNTRIES = ['PL', 'pl', 'POL', 'Poland', 'DE', 'Ｐ', '']
const GENDERS = ['m', 'F', 'female', 'x', '']
const NOTES = ['"says ""hi"""', '"a, b"', '"line one\nline two"', 'plain', '']
const IDS = ['1', '2', '3', '42', ' 42', 'C-7', 'c-7', '7"', '']

/** A deterministic pick from the pools (a small linear congruential generator). */
function picker(seed: number) {
  let state = seed
  return <T>(pool: readonly T[]): T => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return pool[state % pool.length]!
  }
}

function quoted(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

function awkwardCsv(rows: number): string {
  const pick = picker(7)
  const lines = [HEADERS.join(',')]
  for (let row = 0; row < rows; row++) {
    const around = (value: string) => (value === '' ? pick(SPACES) : pick(SPACES) + value + pick(SPACES))
    const cells = [
      around(pick(IDS)),
      around(pick(TEXT)),
      around(pick(TEXT)),
      around(pick(AWKWARD_EMAILS)),
      around(pick(AWKWARD_PHONES)),
      around(pick(AWKWARD_DATES)),
      around(pick(AWKWARD_DATES)),
      around(pick(TEXT)),
      around(pick(TEXT)),
      around(pick(TEXT)),
      around(pick(['00-950', '12345', ''])),
      around(pick(COUNTRIES)),
      around(pick(GENDERS)),
      pick(NOTES),
      around(pick(['vip', 'a; b', ''])),
    ].map((cell) => (cell.startsWith('"') ? cell : quoted(cell)))
    // Some rows are short (ragged): their last cells are empty.
    lines.push(cells.slice(0, row % 17 === 5 ? 6 : cells.length).join(','))
  }
  return lines.join('\n')
}

let table: ParsedTable
const tableReady = (async () => {
  table = await readTable(
    files.write('awkward.csv', awkwardCsv(3_000)),
    new AbortController().signal,
    () => {},
  )
})()

/** Issues compared as what they say, in any order (the fast path keeps validateRecord's issues, not its order). */
function said(issues: readonly FieldIssue[]): string[] {
  return issues
    .map((issue) => JSON.stringify([issue.field, issue.severity, issue.rule, issue.message]))
    .sort()
}

/** The mappings each provider is checked with. */
function mappingsOf(provider: ProviderDefinition): [string, Mapping][] {
  const matched = autoMatch(HEADERS, provider)
  const unmapped = provider.fields.find(
    (field) => field.type === 'text' && !matched.some((assignment) => assignment.field === field.key),
  )
  const [first, ...rest] = matched
  const reshaped: Mapping = {
    providerId: provider.id,
    assignments: [
      // Joined with another column and transformed, with a value for when both are empty.
      ...(first
        ? [
            {
              ...first,
              joinColumns: [1],
              transforms: [{ kind: 'case' as const, style: 'upper' as const }],
              fallback: 'N/A',
            },
          ]
        : []),
      ...rest,
      // A custom field of every type the provider offers, on columns that fit some types and not others.
      ...(provider.custom?.types ?? (provider.custom ? [{ value: undefined }] : [])).map(({ value }, i) => ({
        field: provider.custom!.keyFor(`Extra ${i}`, value),
        column: [13, 12, 6, 14, 3, 11][i % 6]!,
      })),
    ],
    constants: unmapped ? [{ field: unmapped.key, value: 'constant' }] : [],
  }
  return [
    ['its auto-matched mapping', { providerId: provider.id, assignments: matched }],
    ['joined, transformed, constant and custom fields', reshaped],
  ]
}

/** Mappings whose identity fields are read as text, for the identity hashes (identity-hasher.ts). */
function identityMappingsOf(provider: ProviderDefinition): [string, Mapping][] {
  const matched = autoMatch(HEADERS, provider)
  // The first identity field left out and the others upper-cased (emails compare in lower case), or
  // the first given by a constant (with spaces around it).
  const [firstIdentity, ...otherIdentities] = provider.identity?.fields ?? []
  const withoutFirst = matched.filter((assignment) => assignment.field !== firstIdentity)
  const identitiesUpperCased: Mapping = {
    providerId: provider.id,
    assignments: withoutFirst.map((assignment) =>
      otherIdentities.includes(assignment.field)
        ? { ...assignment, transforms: [{ kind: 'case' as const, style: 'upper' as const }] }
        : assignment,
    ),
  }
  const identityConstant: Mapping = {
    providerId: provider.id,
    assignments: withoutFirst,
    constants: firstIdentity ? [{ field: firstIdentity, value: ' Same for all ' }] : [],
  }
  return [
    ['identity fields upper-cased', identitiesUpperCased],
    ['an identity field given by a constant', identityConstant],
  ]
}

describe.each(Object.values(PROVIDERS) as ProviderDefinition[])('$displayName', (provider) => {
  it.each([...mappingsOf(provider), ...identityMappingsOf(provider)])(
    'hashes every row’s identity as its record’s key, with %s',
    async (_, mapping) => {
      await tableReady
      const compiled = compileMapping(provider, mapping)
      const hasher = compileIdentityHasher(provider, mapping, table)
      expect(hasher).not.toBeNull()
      for (let row = 0; row < table.rowCount; row++) {
        const key = identityKeyOf(provider, compiled.record(row, table.cell))
        expect(hasher!(row), `row ${table.rowNumber(row)}: ${key}`).toBe(key === null ? null : hashText(key))
      }
    },
  )

  it.each(mappingsOf(provider))('finds validateRecord’s issues in every row, with %s', async (_, mapping) => {
    await tableReady
    const compiled = compileMapping(provider, mapping)
    const recordOf = (row: number) => compiled.record(row, table.cell)
    const fast = compileFastChecks(provider, mapping, table, (row) => compiled.validate(recordOf(row)))
    let withIssues = 0
    for (let row = 0; row < table.rowCount; row++) {
      const expected = validateRecord(provider, recordOf(row))
      if (expected.length > 0) withIssues++
      expect(said(fast.issuesOf(row)), `row ${table.rowNumber(row)}`).toEqual(said(expected))
    }
    // The file is awkward enough that rows with and without issues both occur.
    expect(withIssues).toBeGreaterThan(0)
    expect(withIssues).toBeLessThan(table.rowCount)
  })

  it.each(mappingsOf(provider))(
    'counts and groups every row as the ordinary path would, with %s',
    async (_, mapping) => {
      await tableReady
      const summary = new Dataset(table).applyMapping(mapping)
      const compiled = compileMapping(provider, mapping)
      const expected = {
        valid: 0,
        withErrors: 0,
        withWarnings: 0,
        errorsByField: {} as Record<string, number>,
      }
      const byKey = new Map<string, number[]>()
      for (let row = 0; row < table.rowCount; row++) {
        const record = compiled.record(row, table.cell)
        const issues = compiled.validate(record)
        const errorFields = new Set(
          issues.filter((issue) => issue.severity === 'error').map((issue) => issue.field),
        )
        if (errorFields.size > 0) expected.withErrors++
        else expected.valid++
        if (issues.some((issue) => issue.severity === 'warning')) expected.withWarnings++
        for (const field of errorFields)
          expected.errorsByField[field] = (expected.errorsByField[field] ?? 0) + 1
        const key = identityKeyOf(provider, record)
        if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), row])
      }
      const groups = [...byKey.values()].filter((rows) => rows.length > 1)
      expect(summary).toMatchObject(expected)
      expect(summary.duplicates).toMatchObject({
        groups: groups.length,
        rows: groups.reduce((sum, rows) => sum + rows.length, 0),
      })
    },
  )
})
