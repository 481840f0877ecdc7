import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProviderId, SANDBOX_CONNECTION_ID } from '#shared/ids.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Every provider, the whole way: a realistic 1,000-row CSV is read by the worker, auto-matched,
// validated, and uploaded to the provider's sandbox through the engine, as the app does it. Ten rows
// carry a broken email, sent anyway ("upload all rows"): the provider must speak up on exactly those
// rows — refuse them with its reason, or (Capillary, as documented) save the customer without the
// email and say so in a warning — and every other row must be created (other remarks, such as
// Omnidesk respelling "Łukasz", are allowed).

const ROWS = 1000
const BROKEN_EVERY = 100

let engine: Engine
const files = tempFiles()

beforeAll(() => {
  engine = engineFromSource()
})
afterAll(async () => {
  await engine.close()
  files.cleanup()
})

function csvFile(): { path: string; brokenRows: number[] } {
  const table = sampleCustomers(ROWS, 99)
  const email = table.headers.indexOf('Email')
  const brokenRows: number[] = []
  table.rows.forEach((row, index) => {
    if ((index + 1) % BROKEN_EVERY === 0) {
      row[email] = `${row[email]!.replace('@', '-at-')}`
      brokenRows.push(index + 2) // the header is row 1
    }
  })
  const text = tableAsCsv(table)
  return { path: files.write(`customers-${ROWS}.csv`, `${text}\n`), brokenRows }
}

async function ingest(path: string): Promise<DatasetSummary> {
  const job = recordJob()
  engine.openFile(path, job.listener)
  const terminal = await job.terminal
  if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest')
    throw new Error(JSON.stringify(terminal))
  return terminal.result.dataset
}

describe.each(ProviderId.options)('a 1,000-row import into the %s sandbox', (providerId) => {
  it('creates every good row and speaks up on exactly the rows with a broken email', async () => {
    const { path, brokenRows } = csvFile()
    const dataset = await ingest(path)
    expect(dataset.rowCount).toBe(ROWS)
    const assignments = autoMatch(dataset.headers, PROVIDERS[providerId])
    const summary = await engine.applyMapping({
      datasetId: dataset.datasetId,
      mapping: { providerId, assignments },
    })
    // The app flags the broken emails before sending: nothing else in the file is wrong.
    expect(summary.withErrors).toBe(brokenRows.length)

    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId: dataset.datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      job.listener,
    )
    const terminal = await job.terminal
    expect(terminal.type).toBe('completed')
    const { totals, rows } = engine.uploadResults({ jobId, offset: 0, limit: 1000 })
    expect(totals.rows).toBe(ROWS)
    const remarked = rows.filter(
      (outcome) => outcome.status !== 'created' || /e-?mail/i.test(outcome.warnings?.join(' ') ?? ''),
    )
    expect(remarked.map((outcome) => outcome.row)).toEqual(brokenRows)
    for (const outcome of remarked) {
      if (outcome.status === 'failed') expect(outcome.message).toMatch(/e-?mail/i)
      else
        expect({ status: outcome.status, warnings: outcome.warnings?.join(' ') }).toMatchObject({
          status: 'created',
          warnings: expect.stringMatching(/e-?mail/i),
        })
    }
  }, 120_000)
})
