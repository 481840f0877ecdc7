import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { isAppError } from '#shared/errors.ts'
import type { ReadOptions } from '../../../../electron/engine/ingest/read-csv.ts'
import { uniqueHeaders, type ParsedTable } from '../../../../electron/engine/ingest/index-table.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

const files = tempFiles()
afterAll(files.cleanup)

/** The parsed file with its rows decoded, as plain arrays to compare. */
function plain(parsed: ParsedTable) {
  const rows = Array.from({ length: parsed.rowCount }, (_, index) => parsed.cells(index))
  const rowNumbers = Array.from({ length: parsed.rowCount }, (_, index) => parsed.rowNumber(index))
  return { ...parsed, rows, rowNumbers }
}

const read = async (name: string, content: string | Uint8Array, options?: ReadOptions) =>
  plain(await readTable(files.write(name, content), new AbortController().signal, () => {}, options))

async function readError(name: string, content: string | Uint8Array) {
  try {
    await read(name, content)
  } catch (error) {
    if (isAppError(error)) return error
    throw error
  }
  throw new Error('expected the file to be refused')
}

describe('readCsv', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, keeping source row numbers', async () => {
    const csv = 'name,note\r\n"Doe, Jane","said ""hi""\r\nand left"\r\nBob,plain\r\n'
    const parsed = await read('quoted.csv', csv)
    expect(parsed.headers).toEqual(['name', 'note'])
    expect(parsed.rows).toEqual([
      ['Doe, Jane', 'said "hi"\r\nand left'],
      ['Bob', 'plain'],
    ])
    expect(parsed.rowNumbers).toEqual([2, 3])
    expect(parsed.delimiter).toBe(',')
  })

  it('gives the same fields as papaparse on the same text', async () => {
    const csv = 'a;b;c\n1;"x;y";3\n4;5;"6\n7"\n'
    const parsed = await read('semicolon.csv', csv)
    const oracle = Papa.parse<string[]>(csv, { skipEmptyLines: true })
    expect([parsed.headers, ...parsed.rows]).toEqual(oracle.data)
    expect(parsed.delimiter).toBe(';')
  })

  it('detects tabs and LF/CR line endings', async () => {
    expect((await read('tabs.tsv', 'a\tb\n1\t2\n')).delimiter).toBe('\t')
    expect((await read('cr.csv', 'a,b\r1,2\r3,4\r')).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
  })

  it('strips a UTF-8 byte-order mark and says so', async () => {
    const parsed = await read('bom.csv', '\uFEFFemail\nann@example.com\n')
    expect(parsed.headers).toEqual(['email'])
    expect(parsed.encoding).toBe('UTF-8 (with BOM)')
  })

  it('reads UTF-16 LE (Excel "Unicode text") files', async () => {
    const text = '\uFEFFimię\tnazwisko\nŁucja\tŻak\n'
    const parsed = await read('unicode.txt', Buffer.from(text, 'utf16le'))
    expect(parsed.headers).toEqual(['imię', 'nazwisko'])
    expect(parsed.rows).toEqual([['Łucja', 'Żak']])
  })

  it('reads non-UTF-8 files as Windows-1252 and warns about it', async () => {
    const parsed = await read(
      'latin.csv',
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x0a]),
    )
    expect(parsed.rows).toEqual([['José']])
    expect(parsed.encoding).toBe('Windows-1252 (Western European)')
    expect(parsed.notices.join(' ')).toMatch(/not UTF-8/)
  })

  it('skips and counts fully empty rows without renumbering the others', async () => {
    const parsed = await read('gaps.csv', 'a,b\n1,2\n\n,\n3,4\n')
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
    expect(parsed.rowNumbers).toEqual([2, 5])
    expect(parsed.emptyRowsSkipped).toBe(2)
    expect(parsed.notices).toContain('2 empty rows were skipped.')
  })

  it('reports ragged rows by row number and keeps them', async () => {
    const parsed = await read('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n')
    expect(parsed.raggedRows).toEqual([3, 4])
    expect(parsed.rows).toHaveLength(3)
    expect(parsed.notices.join(' ')).toMatch(
      /2 rows have a different number of cells than the header \(rows 3, 4\)/,
    )
  })

  it('makes blank and repeated header names unique and visible', () => {
    expect(uniqueHeaders(['', 'Email', 'email', ' '])).toEqual({
      headers: ['Column 1', 'Email', 'email (2)', 'Column 4'],
      renamed: 3,
    })
  })

  it('accepts a header-only file and says it has no rows', async () => {
    const parsed = await read('header-only.csv', 'name,email\n')
    expect(parsed.rows).toEqual([])
    expect(parsed.notices).toContain('The file has a header row but no customer rows.')
  })

  it('refuses empty, binary and non-CSV files with a message naming the file', async () => {
    const empty = await readError('empty.csv', '')
    expect(empty.code).toBe('FILE_EMPTY')
    expect(empty.message).toContain('"empty.csv" is empty')

    const blank = await readError('blank.csv', '\n\n  \n')
    expect(blank.code).toBe('FILE_EMPTY')

    const pdf = await readError('report.csv', Buffer.from('%PDF-1.7\n...'))
    expect(pdf.code).toBe('FILE_UNSUPPORTED')
    expect(pdf.message).toMatch(/"report.csv" is a PDF document/)

    const workbook = await readError('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    expect(workbook.message).toMatch(/Excel workbook/)

    const binary = await readError('noise.csv', Buffer.from([0x41, 0x00, 0x42, 0x0a]))
    expect(binary.message).toMatch(/binary data/)
  })

  it('says when the file is gone', async () => {
    await expect(
      readTable(`${files.dir}/missing.csv`, new AbortController().signal, () => {}),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('no longer exists'),
    })
  })

  it('finds the header below title lines and keeps source row numbers', async () => {
    const parsed = await read('titled.csv', 'Customer export,,\n,,\nname,email,phone\nAnn,ann@x.com,+1555\n')
    expect(parsed.headerRow).toBe(3)
    expect(parsed.headers).toEqual(['name', 'email', 'phone'])
    expect(parsed.rowNumbers).toEqual([4])
    expect(parsed.notices.join(' ')).toMatch(
      /The header is row 3; the line above it \(a title\?\) was skipped/,
    )
  })

  it('reads the file the way the user chose: encoding, delimiter and header row', async () => {
    const parsed = await read('choices.csv', Buffer.from('a;b\nx,y;\xb3\n', 'latin1'), {
      encoding: 'windows-1250',
      delimiter: ',',
      headerRow: 2,
    })
    expect(parsed.headers).toEqual(['x', 'y;ł'])
    expect(parsed.encodingLabel).toBe('windows-1250')
    expect(parsed.rows).toEqual([])
  })

  it('explains a header row choice beyond the file', async () => {
    const path = files.write('short.csv', 'a,b\n1,2\n')
    await expect(
      readTable(path, new AbortController().signal, () => {}, { headerRow: 9 }),
    ).rejects.toMatchObject({
      code: 'CSV_PARSE',
      message: expect.stringMatching(/Row 9 cannot be the header.*the file has 2/),
    })
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const path = files.write('big.csv', 'a,b\n' + '1,2\n'.repeat(50_000))
    await expect(readTable(path, controller.signal, () => {})).rejects.toMatchObject({
      code: 'JOB_CANCELLED',
    })
  })

  it('reports progress in bytes up to the file size', async () => {
    const content = 'a,b\n' + 'xxxxxxxx,yyyyyyyy\n'.repeat(20_000)
    const seen: number[] = []
    await readTable(
      files.write('progress.csv', content),
      new AbortController().signal,
      ({ bytesRead, totalBytes }) => {
        expect(totalBytes).toBe(Buffer.byteLength(content))
        seen.push(bytesRead)
      },
    )
    expect(seen.length).toBeGreaterThanOrEqual(1)
    expect(seen.at(-1)).toBe(Buffer.byteLength(content))
  })
})

describe('a file that changes while it is read', () => {
  it('is refused with a message to wait for the save, instead of mixing two versions', async () => {
    const { readWholeFile } = await import('../../../../electron/engine/ingest/sniff-file.ts')
    const { statSync, writeFileSync } = await import('node:fs')
    const path = files.write('saving.csv', 'name\nAda\n')
    const before = statSync(path)
    writeFileSync(path, 'name\nAda\nAlan\n') // the spreadsheet program saves again
    await expect(
      readWholeFile(path, { size: before.size, modifiedMs: before.mtimeMs }),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('changed while Crosswalk was reading it'),
    })
    const now = statSync(path)
    await expect(readWholeFile(path, { size: now.size, modifiedMs: now.mtimeMs })).resolves.toHaveLength(
      now.size,
    )
  })
})
