import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempFiles } from '../../../helpers/temp-files.ts'
import { writeXlsx } from '../../../helpers/write-xlsx.ts'

// The `crosswalk` command line as a user runs it: a real process over the real engine and worker
// (from source, Node 24 strips the types), against the built-in sandbox.

const CLI = new URL('../../../../electron/cli/index.ts', import.meta.url).pathname
const FIXTURE = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname
const files = tempFiles()
afterAll(files.cleanup)

function crosswalk(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    // Journals and saved connections go to this test's folder, never the developer's own.
    env: { ...process.env, CROSSWALK_DATA_DIR: join(files.dir, 'data') },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('crosswalk inspect', () => {
  it('prints what was read as JSON', () => {
    const { code, stdout } = crosswalk('inspect', FIXTURE, '--limit', '2')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      sheet: null,
      headerRow: 1,
      rowCount: 10,
    })
    expect(report.headers[0]).toBe('Full name')
    expect(report.rows).toEqual([
      ['Ada Lovelace', 'ada@example.com', '+44 20 7946 0001', 'CRM-1001', 'vip;newsletter', 'gold'],
      ['Alan Turing', 'alan@example.com', '+44 20 7946 0002', 'CRM-1002', 'newsletter', 'silver'],
    ])
  })

  it('reads the file the way it is told to', () => {
    const path = files.write('semi.csv', 'title\na;b\n1;2\n')
    const report = JSON.parse(
      crosswalk('inspect', path, '--delimiter', 'semicolon', '--header-row', '2', '--limit', '0').stdout,
    )
    expect(report).toMatchObject({ delimiter: ';', headerRow: 2, headers: ['a', 'b'], rows: [['1', '2']] })
  })

  it('reads the chosen sheet of an Excel workbook', () => {
    const path = files.write(
      'book.xlsx',
      writeXlsx([
        { name: 'Summary', rows: [['Total'], [2]] },
        {
          name: 'Customers',
          rows: [
            ['Name', 'Phone'],
            ['Łucja', 48601234567],
          ],
        },
      ]),
    )
    const report = JSON.parse(crosswalk('inspect', path, '--sheet', 'Customers').stdout)
    expect(report).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Customers',
      headers: ['Name', 'Phone'],
      rows: [['Łucja', '48601234567']],
    })
  })

  it.each([
    ['a missing file', ['inspect', '/nonexistent/customers.csv'], /no longer exists/],
    ['an empty file', ['inspect', 'EMPTY'], /is empty/],
    ['a damaged workbook', ['inspect', 'BOOK'], /may be damaged or only partly downloaded/],
    ['a bad option', ['inspect', FIXTURE, '--encoding', 'klingon'], /--encoding is one of/],
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
  ])('exits 2 with one readable line for %s', (_label, args, message) => {
    const resolved = args.map((arg) =>
      arg === 'EMPTY'
        ? files.write('empty.csv', '')
        : arg === 'BOOK'
          ? files.write('book.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
          : arg,
    )
    const { code, stderr } = crosswalk(...resolved)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })
})

describe('crosswalk import', () => {
  it('maps the columns with a mapping saved in the app, by column name', async () => {
    const { engineFromSource } = await import('../../../helpers/engine-from-source.ts')
    const engine = engineFromSource(join(files.dir, 'data'))
    engine.templates.save({
      name: 'CRM export',
      providerId: 'kustomer',
      fields: [
        { field: 'name', header: 'Full name' },
        { field: 'externalId', header: 'Customer ID' },
        { field: 'custom.loyaltyTierStr', header: 'Loyalty tier' },
        { field: 'custom.regionStr', header: 'Region' },
      ],
    })
    await engine.close()
    const report = join(files.dir, 'template-report.json')
    const { code, stderr } = crosswalk(
      'import',
      FIXTURE,
      '--provider',
      'kustomer',
      '--template',
      'crm export',
      '--sandbox',
      '--report',
      report,
    )
    expect(code).toBe(0)
    expect(stderr).toContain('expects columns this file does not have: Region')
    expect(stderr).toContain('Loyalty tier → custom.loyaltyTierStr')
    expect(JSON.parse(readFileSync(report, 'utf8')).totals).toMatchObject({ rows: 10, created: 10 })
  })

  it('names the saved mappings when the one asked for does not exist', () => {
    const { code, stderr } = crosswalk(
      'import',
      FIXTURE,
      '--provider',
      'kustomer',
      '--template',
      'Nope',
      '--sandbox',
    )
    expect(code).toBe(2)
    expect(stderr).toMatch(/no saved Kustomer mapping named "Nope" \(saved: "CRM export"\)/)
  })

  it('uploads to the sandbox, writes the report and the error rows, and exits 1 when a row did not succeed', () => {
    const report = join(files.dir, 'report.json')
    const errors = join(files.dir, 'errors.csv')
    const { code, stderr } = crosswalk(
      'import',
      FIXTURE,
      '--provider',
      'kustomer',
      '--auto-map',
      '--sandbox',
      '--report',
      report,
      '--errors',
      errors,
    )
    expect(stderr).toMatch(/9 created, 0 updated, 1 skipped, 0 failed \(of 10 rows\)/)
    expect(code).toBe(1)
    const json = JSON.parse(readFileSync(report, 'utf8'))
    expect(json.provider).toBe('kustomer')
    expect(json.totals).toEqual({ rows: 10, created: 9, updated: 0, skipped: 1, failed: 0 })
    expect(json.rows).toHaveLength(10)
    expect(json.rows[4]).toMatchObject({
      row: 6,
      status: 'skipped',
      message: expect.stringMatching(/edsger@@example.com/),
    })
    const csv = readFileSync(errors, 'utf8')
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFFull name,Email,Phone,Customer ID,Tags,Loyalty tier,Crosswalk error',
    )
    expect(csv).toMatch(
      /^Edsger Dijkstra,edsger@@example.com,\+31 20 555 0105,CRM-1005,,silver,"?Row 6: Not sent/m,
    )
  })

  it('lets the provider decide on invalid rows with --include-invalid', () => {
    const report = join(files.dir, 'report-all.json')
    const { code } = crosswalk(
      'import',
      FIXTURE,
      '--provider',
      'kustomer',
      '--auto-map',
      '--sandbox',
      '--include-invalid',
      '--report',
      report,
    )
    expect(code).toBe(1)
    const json = JSON.parse(readFileSync(report, 'utf8'))
    expect(json.totals).toMatchObject({ created: 9, failed: 1 })
    expect(json.rows[4]).toMatchObject({ row: 6, status: 'failed', message: expect.stringMatching(/email/i) })
  })

  it('exits 0 when every row succeeded', () => {
    const path = files.write('clean.csv', 'Full name,Email\nAnn Lee,ann@example.com\nBo Li,bo@example.com\n')
    const { code, stderr } = crosswalk('import', path, '--provider', 'kustomer', '--auto-map', '--sandbox')
    expect(stderr).toMatch(/2 created/)
    expect(code).toBe(0)
  })

  it('maps a messy Polish file as the app does: names split, phones read as Polish, dates by their order', () => {
    const path = files.write(
      'klienci.csv',
      'Nr klienta;Imię i nazwisko;Telefon;Data urodzenia\nPL-1;Anna Nowak;601 234 567;23.11.1985\nPL-2;Jan Kowalski;602 345 678;03.04.1990\n',
    )
    const report = join(files.dir, 'report-pl.json')
    const { code, stderr } = crosswalk(
      'import',
      path,
      '--provider',
      'thulium',
      '--auto-map',
      '--sandbox',
      '--report',
      report,
    )
    expect(stderr).toMatch(
      /Imię i nazwisko → name \(given names\), Imię i nazwisko → surname \(family name\)/,
    )
    expect(stderr).toMatch(/Telefon → phone_number \(phone numbers from PL\)/)
    expect(stderr).toMatch(/Data urodzenia → birthdate \(dates DMY\)/)
    expect(stderr).toMatch(/0 with validation errors/)
    expect(code).toBe(0)
  })

  it('refuses to guess what the user did not say', () => {
    expect(crosswalk('import', FIXTURE, '--provider', 'kustomer', '--sandbox').stderr).toMatch(/--auto-map/)
    expect(crosswalk('import', FIXTURE, '--provider', 'nope', '--auto-map', '--sandbox').stderr).toMatch(
      /--provider must be one of/,
    )
  })
})
