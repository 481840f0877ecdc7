import { afterAll, describe, expect, it } from 'vitest'
import type { IssueGroup, IssueKind } from '#shared/ipc/contract.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import type { FieldIssue } from '#shared/providers/types.ts'
import { Dataset } from '../../../../electron/engine/dataset/dataset.ts'
import { IssueTally } from '../../../../electron/engine/dataset/issue-tally.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'
import { DATE, EMAIL, NAME } from '../../../helpers/capillary-issue-kinds.ts'

// The review step's summary of problems: rows per field and per kind of problem (with one row's own
// words), the rows of one kind ("Show these rows"), all kept current as cells are fixed.

const files = tempFiles()
afterAll(() => files.cleanup())

// Capillary: an email Capillary refuses (error), a registration date in the wrong form (error), a name
// with characters it may store differently (warning).
const CSV = [
  'External ID,Email,First name,Registration date',
  '1,ann@example.com,Ann,2016-06-23T19:11:18+08:00', // row 2: fine
  '2,bob@@example.com,Bob,2016-06-23', // row 3: email, date
  '3,cy@example.com,Cy#1,2016-06-23T19:11:18+08:00', // row 4: name warning
  '4,dee@example,Dee,2016-06-23', // row 5: email, date
  '5,eve@example.com,Eve,2016-06-23T19:11:18+08:00', // row 6: fine
  '6,fay@example.com,Fay!,2016-06-24', // row 7: name warning, date
].join('\n')

const MAPPING: Mapping = {
  providerId: 'capillary',
  assignments: [
    { field: 'identifiers.externalId', column: 0 },
    { field: 'identifiers.email', column: 1 },
    { field: 'firstName', column: 2 },
    { field: 'createDate', column: 3 },
  ],
}

async function openDataset(): Promise<Dataset> {
  const table = await readTable(files.write('capillary.csv', CSV), new AbortController().signal, () => {})
  return new Dataset(table)
}

/** A group as the summary says it: its kind, rows and example row (the example's words are checked apart). */
const said = (group: IssueGroup) => ({
  field: group.field,
  severity: group.severity,
  key: group.key,
  rows: group.rows,
  exampleRow: group.example.row,
})

const shownRows = (dataset: Dataset, issue: IssueKind) =>
  dataset.rows(0, 100, { issue }).rows.map((row) => row.row)

describe('problems by kind', () => {
  it('counts rows per field and per kind, errors first and the commonest first, each with an example', async () => {
    const summary = (await openDataset()).applyMapping(MAPPING)
    expect(summary.errorsByField).toEqual({ 'identifiers.email': 2, createDate: 3 })
    expect(summary.warningsByField).toEqual({ firstName: 2 })
    expect(summary.issueGroups?.map(said)).toEqual([
      { ...DATE, rows: 3, exampleRow: 3 },
      { ...EMAIL, rows: 2, exampleRow: 3 },
      { ...NAME, rows: 2, exampleRow: 4 },
    ])
    const email = summary.issueGroups!.find((group) => group.key === EMAIL.key)!
    expect(email.example.message).toEqual({ key: EMAIL.key, values: { value: 'bob@@example.com' } })
  })

  it('shows the rows of one kind', async () => {
    const dataset = await openDataset()
    dataset.applyMapping(MAPPING)
    expect(shownRows(dataset, EMAIL)).toEqual([3, 5])
    expect(shownRows(dataset, DATE)).toEqual([3, 5, 7])
    expect(shownRows(dataset, NAME)).toEqual([4, 7])
    expect(dataset.rows(0, 1, { issue: DATE })).toMatchObject({ total: 3, rows: [{ row: 3 }] })
  })

  it('keeps counts, examples and shown rows current as cells are fixed', async () => {
    const dataset = await openDataset()
    dataset.applyMapping(MAPPING)
    expect(shownRows(dataset, EMAIL)).toEqual([3, 5])
    // The example row of the email problem is fixed: another row with it becomes the example.
    let { summary } = dataset.editCell(3, 1, 'bob@example.com')
    expect(summary.errorsByField).toEqual({ 'identifiers.email': 1, createDate: 3 })
    expect(summary.issueGroups?.map(said)).toContainEqual({ ...EMAIL, rows: 1, exampleRow: 5 })
    expect(shownRows(dataset, EMAIL)).toEqual([5])
    // A fixed value that is still wrong in the same way keeps the row in the group, in its new words.
    ;({ summary } = dataset.editCell(5, 1, 'dee@@example.com'))
    const email = summary.issueGroups!.find((group) => group.key === EMAIL.key)!
    expect(email.example).toEqual({
      row: 5,
      message: { key: EMAIL.key, values: { value: 'dee@@example.com' } },
    })
    // The last one fixed: the kind is gone, and showing it shows nothing.
    ;({ summary } = dataset.editCell(5, 1, 'dee@example.com'))
    expect(summary.errorsByField).toEqual({ createDate: 3 })
    expect(summary.issueGroups?.map((group) => group.key)).toEqual([DATE.key, NAME.key])
    expect(shownRows(dataset, EMAIL)).toEqual([])
  })
})

describe('IssueTally', () => {
  const issue = (field: string, severity: 'error' | 'warning', key: string, value = 'x'): FieldIssue => ({
    field,
    severity,
    rule: 'rule',
    message: { key, values: { value } },
  })
  const summaryOf = (tally: IssueTally) =>
    tally.summary(
      (index) => index + 2,
      () => null,
    )

  it('counts a row once per field and once per kind, however many of its issues say the same', () => {
    const tally = new IssueTally()
    const row = [
      issue('email', 'error', 'a'),
      issue('email', 'error', 'b'),
      issue('email', 'error', 'a', 'again'),
      issue('email', 'warning', 'a'),
    ]
    tally.count(0, row, 1)
    tally.count(1, [issue('email', 'error', 'b')], 1)
    const summary = summaryOf(tally)
    expect(summary.errorsByField).toEqual({ email: 2 })
    expect(summary.warningsByField).toEqual({ email: 1 })
    expect(
      summary.issueGroups?.map(({ severity, key, rows, example }) => [severity, key, rows, example.row]),
    ).toEqual([
      ['error', 'b', 2, 2],
      ['error', 'a', 1, 2],
      ['warning', 'a', 1, 2],
    ])
    // Taken away again, nothing is left.
    tally.count(0, row, -1)
    tally.count(1, [issue('email', 'error', 'b')], -1)
    expect(summaryOf(tally)).toEqual({ errorsByField: {}, warningsByField: {}, issueGroups: [] })
  })
})
