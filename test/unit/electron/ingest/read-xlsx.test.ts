import { afterAll, describe, expect, it } from 'vitest'
import { excelNumberText } from '../../../../electron/engine/ingest/xlsx/cell-text.ts'
import type { ParsedTable } from '../../../../electron/engine/ingest/index-table.ts'
import type { ReadOptions } from '../../../../electron/engine/ingest/read-csv.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../../../helpers/write-xlsx.ts'

const files = tempFiles()
afterAll(files.cleanup)

async function read(name: string, sheets: XlsxSheet[], options: ReadOptions = {}) {
  const path = files.write(name, writeXlsx(sheets))
  const table = await readTable(path, new AbortController().signal, () => {}, options)
  return { ...table, rows: rowsOf(table) }
}

function rowsOf(table: ParsedTable): string[][] {
  return Array.from({ length: table.rowCount }, (_, index) => table.cells(index))
}

const customers: XlsxSheet = {
  name: 'Klienci',
  rows: [
    ['Customer list — exported 2024-05-01', null, null, null, null],
    [null, null, null, null, null],
    ['Imię', 'Telefon', 'Urodzony', 'VIP', 'Klient od'],
    [
      'Łucja Wiśniewska',
      48123456789,
      new Date(Date.UTC(1990, 3, 23)),
      true,
      new Date(Date.UTC(2024, 0, 2, 9, 30)),
    ],
    ['Zoë "Zo" Müller', '0048 601 234 567', null, false, null],
  ],
  merges: ['A1:E1'],
}

describe('reading .xlsx workbooks', () => {
  it('reads the first visible sheet, finds the header under a merged title, and shows cells as Excel does', async () => {
    const table = await read('klienci.xlsx', [
      { name: 'Notes', state: 'hidden', rows: [['internal']] },
      customers,
    ])
    expect(table).toMatchObject({
      format: 'xlsx',
      sheet: 'Klienci',
      sheets: [
        { name: 'Notes', hidden: true },
        { name: 'Klienci', hidden: false },
      ],
      headerRow: 3,
      headers: ['Imię', 'Telefon', 'Urodzony', 'VIP', 'Klient od'],
    })
    expect(table.rows).toEqual([
      ['Łucja Wiśniewska', '48123456789', '1990-04-23', 'TRUE', '2024-01-02T09:30:00'],
      ['Zoë "Zo" Müller', '0048 601 234 567', '', 'FALSE', ''],
    ])
    expect(table.rowNumber(0)).toBe(4)
    expect(table.notices.join(' ')).toMatch(/2 sheets \(1 hidden\); Crosswalk read "Klienci"/)
  })

  it('reads the sheet the user picks, and says when it is hidden', async () => {
    const table = await read(
      'two.xlsx',
      [customers, { name: 'Archive', state: 'hidden', rows: [['Email'], ['a@example.com']] }],
      {
        sheet: 'Archive',
      },
    )
    expect(table.headers).toEqual(['Email'])
    expect(table.rows).toEqual([['a@example.com']])
    expect(table.notices.join(' ')).toMatch(/"Archive" is hidden in Excel/)
  })

  it('names a sheet that does not exist, with the ones that do', async () => {
    await expect(read('missing-sheet.xlsx', [customers], { sheet: 'Kunden' })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('has no sheet named "Kunden". Its sheets are: "Klienci"'),
    })
  })

  it('names blank header cells and keeps ids with leading zeros stored as text', async () => {
    const table = await read('blank-header.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          ['ID', null, 'Email'],
          ['00123', 'x', 'a@example.com'],
        ],
      },
    ])
    expect(table.headers).toEqual(['ID', 'Column 2', 'Email'])
    expect(table.rows).toEqual([['00123', 'x', 'a@example.com']])
  })

  it('says a damaged workbook is damaged, and an empty sheet is empty', async () => {
    const good = writeXlsx([customers])
    const truncated = files.write('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)))
    await expect(readTable(truncated, new AbortController().signal, () => {})).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('may be damaged or only partly downloaded'),
    })
    await expect(read('empty.xlsx', [{ name: 'Leer', rows: [] }])).rejects.toMatchObject({
      code: 'FILE_EMPTY',
    })
  })

  it('explains that a password-protected workbook must be saved without its password', async () => {
    const oleHeader = Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
    ])
    const path = files.write('locked.xlsx', oleHeader)
    await expect(readTable(path, new AbortController().signal, () => {})).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      message: expect.stringContaining('password-protected'),
    })
  })
})

describe('Excel numbers as text', () => {
  it.each([
    ['48123456789', '48123456789'],
    ['123456789012345678', '123456789012345678'],
    ['0.30000000000000004', '0.3'],
    ['1.23456789012E+11', '123456789012'],
    ['-2.5', '-2.5'],
  ])('%s is shown as %s', (stored, shown) => {
    expect(excelNumberText(stored)).toBe(shown)
  })
})

describe('what real workbooks contain', () => {
  it('keeps zero-padded numbers, inline strings, and the row numbers of rows Excel left out', async () => {
    const table = await read('formats.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          ['Postcode', 'Name', 'Since'],
          [
            { formatted: 1234, format: '00000' },
            { inline: 'Zoë & Co <GmbH>' },
            { date: new Date(Date.UTC(2021, 6, 1)) },
          ],
          [null, null, null],
          [{ formatted: 98765, format: '00000' }, 'Żaneta', null],
        ],
      },
    ])
    expect(table.rows).toEqual([
      ['01234', 'Zoë & Co <GmbH>', '2021-07-01'],
      ['98765', 'Żaneta', ''],
    ])
    expect([table.rowNumber(0), table.rowNumber(1)]).toEqual([2, 4])
    expect(table.emptyRowsSkipped).toBe(1)
  })

  it('pads short rows to the sheet width instead of calling them ragged, even without a <dimension>', async () => {
    const table = await read('no-dimension.xlsx', [
      { name: 'Sheet1', dimension: false, rows: [['A', 'B', 'C'], ['1'], ['1', '2', '3']] },
    ])
    expect(table.rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ])
    expect(table.raggedRows).toEqual([])
  })
})

describe('the shared string table', () => {
  it('joins rich-text runs, leaves out phonetic guides, and unescapes XML and Excel escapes', async () => {
    const { readSharedStrings } = await import('../../../../electron/engine/ingest/xlsx/shared-strings.ts')
    const xml = new TextEncoder().encode(
      '<sst><si><t>Plain &amp; simple</t></si><si/><si><r><t>Bold</t></r><r><rPr/><t xml:space="preserve"> part</t></r></si>' +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>Line_x000D_break</t></si></sst>',
    )
    expect(readSharedStrings(xml)).toEqual(['Plain & simple', '', 'Bold part', '東京', 'Line\rbreak'])
  })
})

describe('against read-excel-file, on random workbooks', () => {
  const ALPHABET = ['a', 'Z', 'ł', 'ü', '東', '😀', ' ', ',', '"', '\n', '<', '&', '>', "'", '0', '9']

  function randomWorkbook(seed: number): XlsxCell[][] {
    let state = seed
    const random = () => ((state = (state * 48271) % 2147483647) - 1) / 2147483646
    const text = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => ALPHABET[Math.floor(random() * ALPHABET.length)],
      ).join('')
    const cell = (): XlsxCell => {
      const kind = random()
      if (kind < 0.5) return `x${text()}`
      if (kind < 0.7) return Math.floor(random() * 1e11)
      if (kind < 0.8) return random() < 0.5
      if (kind < 0.9)
        return new Date(
          Date.UTC(
            1950 + Math.floor(random() * 70),
            Math.floor(random() * 12),
            1 + Math.floor(random() * 28),
          ),
        )
      return null
    }
    const header = Array.from({ length: 6 }, (_, index) => `Column ${index + 1}`)
    return [header, ...Array.from({ length: 60 }, () => Array.from({ length: 6 }, cell))]
  }

  /** read-excel-file's typed values as the text Excel shows, for comparison. */
  function asShown(value: unknown): string {
    if (value === null) return ''
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
    return String(value)
  }

  it.each([1, 2, 3, 4, 5])('reads the same cells as read-excel-file (seed %i)', async (seed) => {
    const { readSheet } = await import('read-excel-file/node')
    const rows = randomWorkbook(seed)
    const path = files.write(`random-${seed}.xlsx`, writeXlsx([{ name: 'Data', rows }]))
    const ours = await readTable(path, new AbortController().signal, () => {})
    const theirs = await readSheet(path, { trim: false, parseNumber: (text: string) => text })
    const expected = theirs
      .slice(1)
      .map((row) => row.map(asShown))
      .filter((row) => row.some((cell) => cell.trim() !== ''))
    expect(rowsOf(ours)).toEqual(expected)
  })
})

describe('limits', () => {
  it('refuses a sheet that unpacks to more than the limit before unpacking it', async () => {
    const { readXlsx } = await import('../../../../electron/engine/ingest/read-xlsx.ts')
    const { statSync } = await import('node:fs')
    const rows = Array.from({ length: 2000 }, (_, index) => [`Customer ${index}`, `c${index}@example.com`])
    const path = files.write('big.xlsx', writeXlsx([{ name: 'Sheet1', rows: [['Name', 'Email'], ...rows] }]))
    const { size, mtimeMs } = statSync(path)
    const read = readXlsx(
      path,
      { size, modifiedMs: mtimeMs },
      new AbortController().signal,
      () => {},
      {},
      (50 * 1024 ** 2) / 1024,
    )
    await expect(read).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringMatching(
        /The sheet "Sheet1" of "big.xlsx" unpacks to .* MB; Crosswalk reads sheets up to 0 MB/,
      ),
    })
  })
})
