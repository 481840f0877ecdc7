import { afterAll, describe, expect, it } from 'vitest'
import { excelNumberText } from '../../../../electron/engine/ingest/excel-cell-text.ts'
import type { ParsedTable } from '../../../../electron/engine/ingest/index-table.ts'
import type { ReadOptions } from '../../../../electron/engine/ingest/read-csv.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'
import { writeXlsx, type XlsxSheet } from '../../../helpers/write-xlsx.ts'

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
