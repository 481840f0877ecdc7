import { afterAll, describe, expect, it } from 'vitest'
import type { ProviderId } from '#shared/ids.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import { Dataset } from '../../../../electron/engine/dataset/dataset.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Excluded rows and duplicate customers, on the dataset as the worker holds it: what the grid lists,
// what the summary counts, and what the upload is handed (prepare).

const files = tempFiles()
afterAll(() => files.cleanup())

async function datasetOf(csv: string): Promise<Dataset> {
  const path = files.write('people.csv', csv)
  return new Dataset(await readTable(path, new AbortController().signal, () => {}))
}

function mapped(dataset: Dataset, providerId: ProviderId, assignments: Assignment[]) {
  return dataset.applyMapping({ providerId, assignments })
}

/** Every row's final word from prepare, as the upload would record it (sent rows as `sent`). */
function outcomes(dataset: Dataset) {
  const { items, skipped } = dataset.prepare(0, 1_000, 'all')
  return {
    sent: items.map((item) => item.row),
    skipped: Object.fromEntries(skipped.map((outcome) => [outcome.row, outcome.message])),
    records: Object.fromEntries(items.map((item) => [item.row, item.record])),
  }
}

const PEOPLE = [
  'Name,Email,Customer ID,Phone',
  'Ada,ada@example.com,C-1,',
  'Alan,alan@example.com,C-2,+44 20 7946 0002',
  'Ada again,ADA@Example.com,C-1,+44 20 7946 0001',
  'Grace,grace@example.com,C-3,',
  'Ada third,,C-1,+44 20 7946 0009',
].join('\n')

const KUSTOMER: Assignment[] = [
  { field: 'name', column: 0 },
  { field: 'emails.0.email', column: 1 },
  { field: 'externalId', column: 2 },
  { field: 'phones.0.phone', column: 3 },
]

describe('excluded rows', () => {
  it('are skipped at upload with the reason, counted, and listed under their own filter', async () => {
    const dataset = await datasetOf(PEOPLE)
    mapped(dataset, 'kustomer', KUSTOMER)
    const { changed, summary } = dataset.exclude({ kind: 'rows', rows: [3, 5] }, true)
    expect(changed).toBe(2)
    expect(summary.excluded).toBe(2)
    expect(dataset.rows(0, 10, 'excluded').rows.map((row) => [row.row, row.excluded])).toEqual([
      [3, true],
      [5, true],
    ])
    const result = outcomes(dataset)
    expect(result.skipped).toEqual({ 3: 'Excluded in review', 5: 'Excluded in review' })
    expect(result.sent).toEqual([2, 4, 6])
    // Every row has exactly one answer.
    expect(result.sent.length + Object.keys(result.skipped).length).toBe(dataset.rowCount)

    expect(dataset.exclude({ kind: 'rows', rows: [3] }, false).summary.excluded).toBe(1)
    expect(outcomes(dataset).sent).toEqual([2, 3, 4, 6])
  })

  it('can exclude every row a filter shows, and include them all again', async () => {
    const dataset = await datasetOf(PEOPLE)
    mapped(dataset, 'kustomer', KUSTOMER)
    expect(dataset.exclude({ kind: 'filter', filter: 'duplicates' }, true).changed).toBe(3)
    expect(dataset.rows(0, 10, 'excluded').rows.map((row) => row.row)).toEqual([2, 4, 6])
    // Excluded rows are no longer duplicates of anything.
    expect(dataset.rows(0, 10, 'duplicates').total).toBe(0)
    const back = dataset.exclude({ kind: 'filter', filter: 'excluded' }, false)
    expect(back).toMatchObject({ changed: 3, summary: { excluded: 0, duplicates: { groups: 1, rows: 3 } } })
  })

  it('refuses a row that is not in the file', async () => {
    const dataset = await datasetOf(PEOPLE)
    mapped(dataset, 'kustomer', KUSTOMER)
    expect(() => dataset.exclude({ kind: 'rows', rows: [99] }, true)).toThrow(/Row 99/)
  })
})

describe('duplicate customers', () => {
  it('are found by the identity field the row has, and listed group by group', async () => {
    const dataset = await datasetOf(PEOPLE)
    const summary = mapped(dataset, 'kustomer', KUSTOMER)
    expect(summary.duplicates).toEqual({
      groups: 1,
      rows: 3,
      fields: ['externalId', 'emails.0.email'],
      choice: 'keepAll',
    })
    const listed = dataset.rows(0, 10, 'duplicates').rows
    expect(listed.map((row) => [row.row, row.duplicate])).toEqual([
      [2, { first: 2, size: 3 }],
      [4, { first: 2, size: 3 }],
      [6, { first: 2, size: 3 }],
    ])
    // Keep all (the default) sends every row.
    expect(outcomes(dataset).sent).toEqual([2, 3, 4, 5, 6])
  })

  it('compare email addresses without regard to case', async () => {
    const dataset = await datasetOf(PEOPLE)
    // Without External IDs Kustomer matches by email: rows 2 and 4 differ only in case.
    const summary = mapped(
      dataset,
      'kustomer',
      KUSTOMER.filter((a) => a.field !== 'externalId'),
    )
    expect(summary.duplicates).toMatchObject({ groups: 1, rows: 2, fields: ['emails.0.email'] })
  })

  it('keep first: later rows are skipped as duplicates of the first', async () => {
    const dataset = await datasetOf(PEOPLE)
    mapped(dataset, 'kustomer', KUSTOMER)
    expect(dataset.setDuplicateChoice('keepFirst').duplicates?.choice).toBe('keepFirst')
    const result = outcomes(dataset)
    expect(result.sent).toEqual([2, 3, 5])
    expect(result.skipped).toEqual({ 4: 'Duplicate of row 2', 6: 'Duplicate of row 2' })
    expect(result.records[2]).toMatchObject({ name: 'Ada' })
    expect(result.records[2]?.['phones.0.phone']).toBeUndefined()
  })

  it('merge: the first row takes the later rows’ values for the fields it has empty', async () => {
    const dataset = await datasetOf(PEOPLE)
    mapped(dataset, 'kustomer', KUSTOMER)
    dataset.setDuplicateChoice('merge')
    const result = outcomes(dataset)
    expect(result.sent).toEqual([2, 3, 5])
    expect(result.skipped).toEqual({ 4: 'Merged into row 2', 6: 'Merged into row 2' })
    // Its own values stay; the phone comes from row 4 (the first later row that has one).
    expect(result.records[2]).toMatchObject({
      name: 'Ada',
      'emails.0.email': 'ada@example.com',
      externalId: 'C-1',
      'phones.0.phone': '+44 20 7946 0001',
    })
    const first = dataset.rows(0, 1, 'all').rows[0]
    expect(first?.merged).toEqual(['phones.0.phone'])
    expect(first?.values?.['phones.0.phone']).toBe('+44 20 7946 0001')
  })

  it('follow edits: fixing an id takes the row out of its group', async () => {
    const dataset = await datasetOf(PEOPLE)
    mapped(dataset, 'kustomer', KUSTOMER)
    const { summary } = dataset.editCell(6, 2, 'C-9')
    expect(summary.duplicates).toMatchObject({ groups: 1, rows: 2 })
    expect(dataset.editCell(4, 2, 'C-3').summary.duplicates).toMatchObject({ groups: 1, rows: 2 })
    expect(dataset.rows(0, 10, 'duplicates').rows.map((row) => row.row)).toEqual([4, 5])
  })

  it('are found on each provider’s identity field', async () => {
    const csv = [
      'Id,Email,Phone',
      'A,x@example.com,600100200',
      'B,y@example.com,600100201',
      'A,z@example.com,600100202',
    ].join('\n')
    const cases: [ProviderId, Assignment[]][] = [
      ['propeller', [{ field: 'sourceId', column: 0 }]],
      ['thulium', [{ field: 'identifier', column: 0 }]],
      ['omnidesk', [{ field: 'primaryID', column: 0 }]],
      [
        'capillary',
        [
          { field: 'identifiers.externalId', column: 0 },
          { field: 'identifiers.email', column: 1 },
        ],
      ],
      ['kustomer', [{ field: 'externalId', column: 0 }]],
    ]
    for (const [providerId, assignments] of cases) {
      const dataset = await datasetOf(csv)
      const summary = mapped(dataset, providerId, assignments)
      expect(summary.duplicates, providerId).toMatchObject({ groups: 1, rows: 2 })
      dataset.setDuplicateChoice('keepFirst')
      expect(outcomes(dataset).skipped, providerId).toEqual({ 4: 'Duplicate of row 2' })
    }
  })

  it('are not looked for when no identity field is mapped', async () => {
    const dataset = await datasetOf(PEOPLE)
    const summary = mapped(dataset, 'kustomer', [{ field: 'name', column: 0 }])
    expect(summary.duplicates).toEqual({ groups: 0, rows: 0, fields: [], choice: 'keepAll' })
  })
})
