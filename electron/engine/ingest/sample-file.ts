import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'

// The sample spreadsheet a new user can try Crosswalk with: 50 realistic customers, two of them with
// the kind of mistake real files have (a mistyped email, a phone number written as words), so the
// Review step has something to show and fix. Written fresh each time into the app's data folder.

export const SAMPLE_FILE_NAME = 'crosswalk-sample-customers.csv'
const ROWS = 50

export function writeSampleFile(dataDir: string): string {
  const table = sampleCustomers(ROWS, 7)
  const email = table.headers.indexOf('Email')
  const phone = table.headers.indexOf('Phone')
  table.rows[5]![email] = table.rows[5]![email]!.replace('@', '@@')
  table.rows[13]![phone] = 'call the office'
  const dir = join(dataDir, 'samples')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, SAMPLE_FILE_NAME)
  writeFileSync(path, `${tableAsCsv(table)}\n`)
  return path
}
