import { afterAll, describe, expect, it } from 'vitest'
import { Dataset } from '../../../../electron/engine/dataset/dataset.ts'
import type { ColumnReplace } from '../../../../electron/engine/dataset/find-replace.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Find & replace in one column, on the dataset as the worker holds it: what it counts, what it
// changes (as ordinary edits the grid, the filters and the upload see), and undo/redo of the whole.

const files = tempFiles()
afterAll(() => files.cleanup())

const PEOPLE = [
  'Name,Email,Customer ID',
  'Ada,ada@@EXAMPLE.com,C-1',
  'Alan,alan@example.com,C-2',
  'Grace,grace@@example.com,C-3',
  'Edsger,n/a,C-4',
  'Barbara,N/A,C-5',
].join('\n')

async function mappedDataset(): Promise<Dataset> {
  const path = files.write('people.csv', PEOPLE)
  const dataset = new Dataset(await readTable(path, new AbortController().signal, () => {}))
  dataset.applyMapping({
    providerId: 'kustomer',
    assignments: [
      { field: 'name', column: 0 },
      { field: 'emails.0.email', column: 1 },
      { field: 'externalId', column: 2 },
    ],
  })
  return dataset
}

function query(overrides: Partial<ColumnReplace>): ColumnReplace {
  return {
    column: 1,
    find: '',
    replace: '',
    matchCase: false,
    wholeCell: false,
    onlyErrors: false,
    ...overrides,
  }
}

const emails = (dataset: Dataset) => dataset.rows(0, 10, 'all').rows.map((row) => row.cells[1])

describe('find & replace in a column', () => {
  it('counts without changing anything, with the first examples', async () => {
    const dataset = await mappedDataset()
    const found = dataset.findInColumn(query({ find: '@@', replace: '@' }))
    expect(found.matches).toBe(2)
    expect(found.examples).toEqual([
      { row: 2, before: 'ada@@EXAMPLE.com', after: 'ada@EXAMPLE.com' },
      { row: 4, before: 'grace@@example.com', after: 'grace@example.com' },
    ])
    expect(dataset.findInColumn(query({ find: '@', replace: '#' })).examples).toHaveLength(3)
    expect(emails(dataset)[0]).toBe('ada@@EXAMPLE.com')
    expect(dataset.rows(0, 10, 'edited').total).toBe(0)
  })

  it('ignores case unless asked, and treats the text as text, not a pattern', async () => {
    const dataset = await mappedDataset()
    expect(dataset.findInColumn(query({ find: 'example', replace: 'x' })).matches).toBe(3)
    expect(dataset.findInColumn(query({ find: 'example', replace: 'x', matchCase: true })).matches).toBe(2)
    expect(dataset.findInColumn(query({ find: '.', replace: '!' })).matches).toBe(3) // dots, not "any"
    expect(dataset.findInColumn(query({ find: 'n/a', replace: '$&$&' })).examples[0]?.after).toBe('$&$&')
    // A replacement equal to what is there changes nothing, so it is not counted.
    expect(dataset.findInColumn(query({ find: 'C-1', replace: 'C-1', column: 2 })).matches).toBe(0)
  })

  it('matches whole cells only when asked', async () => {
    const dataset = await mappedDataset()
    expect(dataset.findInColumn(query({ find: 'a', replace: 'b', wholeCell: true })).matches).toBe(0)
    const found = dataset.findInColumn(query({ find: 'n/a', replace: '', wholeCell: true }))
    expect(found.examples.map((example) => example.row)).toEqual([5, 6])
    const exact = dataset.findInColumn(query({ find: 'n/a', replace: '', wholeCell: true, matchCase: true }))
    expect(exact.examples.map((example) => example.row)).toEqual([5])
  })

  it('replaces as edits the grid, filters and upload see, and re-validates the rows', async () => {
    const dataset = await mappedDataset()
    const before = dataset.rows(0, 10, 'errors').rows.map((row) => row.row)
    expect(before).toEqual([2, 4, 5, 6])
    const done = dataset.replaceInColumn(query({ find: '@@', replace: '@' }))
    expect(done.changed).toBe(2)
    expect(done.summary).toMatchObject({ withErrors: 2, valid: 3, edited: 2 })
    expect(dataset.rows(0, 10, 'errors').rows.map((row) => row.row)).toEqual([5, 6])
    const edited = dataset.rows(0, 10, 'edited').rows
    expect(edited.map((row) => [row.row, row.cells[1], row.edited])).toEqual([
      [2, 'ada@EXAMPLE.com', [{ column: 1, original: 'ada@@EXAMPLE.com' }]],
      [4, 'grace@example.com', [{ column: 1, original: 'grace@@example.com' }]],
    ])
    expect(dataset.editList()).toEqual([
      [2, 1, 'ada@EXAMPLE.com'],
      [4, 1, 'grace@example.com'],
    ])
    expect(dataset.prepare(0, 10, 'valid').items.map((item) => item.row)).toEqual([2, 3, 4])
  })

  it('only touches rows with errors when asked', async () => {
    const dataset = await mappedDataset()
    // "example" is in three emails; only two of those rows have an error.
    const done = dataset.replaceInColumn(query({ find: 'example', replace: 'sample', onlyErrors: true }))
    expect(done.changed).toBe(2)
    expect(emails(dataset).slice(0, 3)).toEqual(['ada@@sample.com', 'alan@example.com', 'grace@@sample.com'])
  })

  it('undoes a whole replace and redoes it', async () => {
    const dataset = await mappedDataset()
    const done = dataset.replaceInColumn(
      query({ find: 'n/a', replace: 'nobody@example.com', wholeCell: true }),
    )
    expect(done.summary.withErrors).toBe(2)
    const undone = dataset.revertReplace(done.replaceId, 'undo')
    expect(undone).toMatchObject({ changed: 2, summary: { withErrors: 4, edited: 0 } })
    expect(emails(dataset).slice(3)).toEqual(['n/a', 'N/A'])
    expect(dataset.editList()).toEqual([])
    const redone = dataset.revertReplace(done.replaceId, 'redo')
    expect(redone.summary).toMatchObject({ withErrors: 2, edited: 2 })
    expect(emails(dataset).slice(3)).toEqual(['nobody@example.com', 'nobody@example.com'])
    expect(() => dataset.revertReplace(99, 'undo')).toThrow(/no longer known/)
  })

  it('undoing a replace keeps earlier single-cell edits of the same column', async () => {
    const dataset = await mappedDataset()
    dataset.editCell(2, 1, 'ada@@example.com!')
    const done = dataset.replaceInColumn(query({ find: '@@', replace: '@' }))
    expect(emails(dataset)[0]).toBe('ada@example.com!')
    dataset.revertReplace(done.replaceId, 'undo')
    expect(emails(dataset)[0]).toBe('ada@@example.com!')
    expect(dataset.editList()).toEqual([[2, 1, 'ada@@example.com!']])
  })
})
