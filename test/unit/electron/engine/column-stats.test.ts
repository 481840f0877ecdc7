import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetSummary } from '#shared/jobs.ts'
import { columnStats, kindOf } from '../../../../electron/engine/dataset/column-stats.ts'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// The column list of the mapping screen: fill counts over every row, a few different values, and a
// kind named only on clear evidence.

const CSV = [
  'Name,Email,Phone,Joined,Spend,Notes,Nothing',
  'Ada Lovelace,ada@example.com,+44 20 7946 0001,1990-04-03,12.50,,',
  'Alan Turing,alan@example.com,+44 20 7946 0002,1985-05-12,"1,200",likes tea,',
  'Grace Hopper,,+1 415 555 0103,1978-06-05,7,,',
  'Grace Hopper,grace@example.com,+1 415 555 0104,1978-06-05,0,,  ',
  'Linus Torvalds,linus@example.com,,2001-01-01,-3,,',
].join('\n')

let engine: Engine
const files = tempFiles()

async function ingest(path: string): Promise<DatasetSummary> {
  const job = recordJob()
  engine.openFile(path, job.listener)
  const terminal = await job.terminal
  if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest')
    throw new Error(JSON.stringify(terminal))
  return terminal.result.dataset
}

beforeAll(() => {
  engine = engineFromSource()
})
afterAll(async () => {
  await engine.close()
  files.cleanup()
})

describe('column statistics in the worker', () => {
  it('counts filled cells, keeps different samples and names each column’s kind', async () => {
    const dataset = await ingest(files.write('customers.csv', CSV))
    const stats = await engine.columnStats({ datasetId: dataset.datasetId })
    expect(stats.rows).toBe(5)
    expect(stats.columns.map(({ filled }) => filled)).toEqual([5, 4, 4, 5, 5, 1, 0])
    expect(stats.columns.map(({ kind }) => kind)).toEqual([
      'text',
      'email',
      'phone',
      'date',
      'number',
      'text',
      'empty',
    ])
    // Different values only: the repeated "Grace Hopper" is shown once.
    expect(stats.columns[0]?.samples).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper'])
    expect(stats.columns[6]?.samples).toEqual([])
  })

  it('counts the user’s edits, not only the file', async () => {
    const dataset = await ingest(files.write('edited.csv', CSV))
    // Cells are fixed on the review screen, after a mapping.
    await engine.applyMapping({
      datasetId: dataset.datasetId,
      mapping: { providerId: 'kustomer', assignments: [{ field: 'name', column: 0 }] },
    })
    // Row 4 of the file is data row 3 ("Grace Hopper" without an email).
    await engine.editCell({ datasetId: dataset.datasetId, row: 4, column: 1, value: 'grace@example.com' })
    await engine.editCell({ datasetId: dataset.datasetId, row: 2, column: 5, value: 'first note' })
    const stats = await engine.columnStats({ datasetId: dataset.datasetId })
    expect(stats.columns[1]?.filled).toBe(5)
    expect(stats.columns[5]).toMatchObject({ filled: 2, samples: ['first note', 'likes tea'] })
  })

  it('refuses a file that is not open', () => {
    expect(() => engine.columnStats({ datasetId: 'not-open' as DatasetSummary['datasetId'] })).toThrow(
      /no longer open/,
    )
  })
})

describe('column statistics from the file’s bytes', () => {
  // Past the first rows a cell is only counted, from its bytes where they can say: these must count
  // as the cells' text would, spaces of every kind included.
  const AWKWARD = [
    'Ann',
    '',
    ' ',
    '\u00a0',
    '\u3000',
    '\t',
    ' x ',
    'Łódź',
    '陽翔',
    '\u00a0y',
    '""',
    '"',
    'a,b',
    'line\none',
  ]
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`

  it('counts filled cells as their trimmed text would, over thousands of rows', async () => {
    const rows = Array.from({ length: 3_000 }, (_, row) =>
      Array.from({ length: 4 }, (_, column) => AWKWARD[(row * (column + 1) + column) % AWKWARD.length]!),
    )
    // A ragged row: its missing cells are empty.
    const lines = rows.map((cells, row) => (row === 2_500 ? cells.slice(0, 2) : cells).map(quoted).join(','))
    const dataset = await ingest(files.write('awkward.csv', ['A,B,C,D', ...lines].join('\n')))
    const stats = await engine.columnStats({ datasetId: dataset.datasetId })
    const expected = [0, 1, 2, 3].map(
      (column) =>
        rows.filter((cells, row) => !(row === 2_500 && column >= 2) && cells[column]!.trim() !== '').length,
    )
    expect(stats.columns.map(({ filled }) => filled)).toEqual(expected)
  })
})

describe('columnStats', () => {
  it('judges the kind from values spread over the whole file, not its first rows', () => {
    // Sorted so that the first 200 rows say "n/a": judged by its top, this would be text.
    const rows = Array.from({ length: 10_000 }, (_, row) => (row < 200 ? 'n/a' : `person${row}@example.com`))
    const [stat] = columnStats(rows.length, 1, (row) => rows[row] ?? '')
    expect(stat).toMatchObject({
      filled: 10_000,
      kind: 'email',
      samples: ['n/a', 'person200@example.com', 'person201@example.com'],
    })
  })

  it('cuts long samples so a notes column cannot fill the message', () => {
    const long = 'x'.repeat(500)
    const [stat] = columnStats(1, 1, () => long)
    expect(stat?.samples[0]).toHaveLength(60)
    expect(stat?.samples[0]?.endsWith('…')).toBe(true)
  })

  it('says text for mixed values and numbers only when nearly all are numbers', () => {
    expect(kindOf(['1', '2', '3', 'three'])).toBe('text')
    expect(kindOf(['1 200,50', '-3', '+7', '0.5', '12'])).toBe('number')
    expect(kindOf([])).toBe('empty')
    expect(kindOf(['m', 'f', 'f', 'm'])).toBe('gender')
    // sniffValues alone reads amounts with a dot as phone numbers.
    expect(kindOf(['12345.67', '99812.05', '10000.00'])).toBe('number')
    expect(kindOf(['601 234 567', '+48 602 345 678', '603.456.789'])).toBe('phone')
  })
})
