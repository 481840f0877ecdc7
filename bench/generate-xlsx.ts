import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleCustomers, tableAsCsv } from '../shared/samples/sample-customers.ts'
import { writeXlsx, type XlsxCell } from '../test/helpers/write-xlsx.ts'

/**
 * The XLSX bench input: the sample customers (15 columns, Polish/German/Spanish names) as a workbook
 * with dates as real Excel dates and ids as numbers, plus the same table as CSV for the baseline.
 * Cached in the temp folder by row count.
 */
export function benchWorkbook(rows: number): { xlsx: string; csv: string } {
  const dir = join(tmpdir(), 'crosswalk-bench')
  mkdirSync(dir, { recursive: true })
  const xlsx = join(dir, `customers-${rows}.xlsx`)
  const csv = join(dir, `customers-${rows}-same.csv`)
  if (existsSync(xlsx) && existsSync(csv)) return { xlsx, csv }
  const table = sampleCustomers(rows)
  const birthday = table.headers.indexOf('Date of birth')
  const cells: XlsxCell[][] = [
    [...table.headers],
    ...table.rows.map((row) =>
      row.map((cell, column): XlsxCell => (column === birthday ? new Date(`${cell}T00:00:00Z`) : cell)),
    ),
  ]
  writeFileSync(xlsx, writeXlsx([{ name: 'Customers', rows: cells }]))
  writeFileSync(csv, tableAsCsv(table))
  return { xlsx, csv }
}
