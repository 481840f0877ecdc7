import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '#shared/i18n/i18n.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { Dataset } from '../../../../electron/engine/dataset/dataset.ts'
import {
  exportRows,
  type ExportFormat,
  type ExportWhich,
} from '../../../../electron/engine/dataset/export-rows.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Exporting the review's rows to fix in a spreadsheet program: which rows, which columns, what the three
// added columns say, and that the file reads back through Crosswalk's own ingest (CSV and XLSX alike).

const files = tempFiles()
afterAll(() => files.cleanup())
afterEach(() => setLanguage('en'))

const PEOPLE = [
  'Name,Email,Customer ID',
  'Ada,ada@@example.com,C-1',
  'Alan,alan@example.com,C-2',
  'Grace,grace@example.com,C-3',
  'Edsger,n/a,C-4',
].join('\n')

const PEOPLE_TO_KUSTOMER: Mapping = {
  providerId: 'kustomer',
  assignments: [
    { field: 'name', column: 0 },
    { field: 'emails.0.email', column: 1 },
    { field: 'externalId', column: 2 },
  ],
}

async function mapped(text = PEOPLE, mapping = PEOPLE_TO_KUSTOMER): Promise<Dataset> {
  const path = files.write('people.csv', text)
  const dataset = new Dataset(await readTable(path, new AbortController().signal, () => {}))
  dataset.applyMapping(mapping)
  return dataset
}

async function exported(
  dataset: Dataset,
  which: ExportWhich,
  format: ExportFormat,
  providerId: 'kustomer' | 'capillary' = 'kustomer',
) {
  const result = await exportRows({
    source: (offset, limit, filter) => dataset.rows(offset, limit, filter),
    headers: dataset.parsed.headers,
    providerId,
    which,
    format,
    sourceName: 'people.csv',
  })
  const path = files.write(
    result.fileName,
    result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : result.data,
  )
  const table = await readTable(path, new AbortController().signal, () => {})
  const rows = Array.from({ length: table.rowCount }, (_, index) => table.cells(index))
  return { result, headers: table.headers, rows }
}

describe('exporting review rows', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: the problem rows, in the file's columns plus row, status and problems, read back as a file`, async () => {
      const dataset = await mapped()
      const { result, headers, rows } = await exported(dataset, 'problems', format)
      expect(result.fileName).toBe(`people - problem rows.${format}`)
      expect(result.rows).toBe(2)
      expect(headers).toEqual([
        'Name',
        'Email',
        'Customer ID',
        'Crosswalk row',
        'Crosswalk status',
        'Crosswalk problems',
      ])
      expect(rows.map((row) => row.slice(0, 5))).toEqual([
        ['Ada', 'ada@@example.com', 'C-1', '2', 'Has errors'],
        ['Edsger', 'n/a', 'C-4', '5', 'Has errors'],
      ])
      expect(rows[0]![5]).toMatch(/^Email: "ada@@example.com" is not a valid email address/)
    })
  }

  it('the problem rows are those with an error, a warning or both, each once, in the file’s order', async () => {
    const people = [
      'External ID,Email,First name',
      '1,ann@example.com,Ann', // fine
      '2,bob@@example.com,Bob#2', // an error and a warning
      '3,cy@example.com,Cy!', // a warning
      '4,dee@example,Dee', // an error
    ].join('\n')
    const dataset = await mapped(people, {
      providerId: 'capillary',
      assignments: [
        { field: 'identifiers.externalId', column: 0 },
        { field: 'identifiers.email', column: 1 },
        { field: 'firstName', column: 2 },
      ],
    })
    const { result, rows } = await exported(dataset, 'problems', 'csv', 'capillary')
    expect(result.rows).toBe(3)
    const rowNumbers = rows.map((row) => row[3])
    expect(rowNumbers).toEqual(['3', '4', '5'])
  })

  it('all rows carry their status, with the edits made in review and excluded rows said so', async () => {
    const dataset = await mapped()
    dataset.editCell(2, 1, 'ada@example.com')
    dataset.exclude({ kind: 'rows', rows: [4] }, true)
    const { rows } = await exported(dataset, 'all', 'csv')
    expect(rows.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['ada@example.com', '2', 'Valid'],
      ['alan@example.com', '3', 'Valid'],
      ['grace@example.com', '4', 'Excluded in review'],
      ['n/a', '5', 'Has errors'],
    ])
  })

  it('replaces the columns of an earlier export instead of adding them again', async () => {
    const first = await exported(await mapped(), 'problems', 'csv')
    const again = await mapped(
      [
        first.headers.join(','),
        ...first.rows.map((row) => row.map((cell) => JSON.stringify(cell)).join(',')),
      ].join('\n'),
    )
    const { headers } = await exported(again, 'all', 'csv')
    expect(headers).toEqual([
      'Name',
      'Email',
      'Customer ID',
      'Crosswalk row',
      'Crosswalk status',
      'Crosswalk problems',
    ])
  })

  it('speaks the chosen language in the added columns and the file name', async () => {
    setLanguage('pl')
    const { result, headers, rows } = await exported(await mapped(), 'problems', 'xlsx')
    expect(result.fileName).toBe('people - wiersze z problemami.xlsx')
    expect(headers.slice(3)).toEqual(['Wiersz Crosswalk', 'Stan Crosswalk', 'Problemy Crosswalk'])
    expect(rows[0]![4]).toBe('Ma błędy')
  })
})
