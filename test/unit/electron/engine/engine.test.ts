import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetId } from '#shared/ids.ts'
import { SANDBOX_CONNECTION_ID } from '#shared/ids.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// The engine end to end, as the IPC handlers drive it: ingest in the worker, rows paged out, mapping
// validated over the whole dataset, upload to the Kustomer sandbox with a per-row account.

const FIXTURE = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname
const MAPPING: Mapping = {
  providerId: 'kustomer',
  assignments: [
    { field: 'name', column: 0 },
    { field: 'emails.0.email', column: 1 },
    { field: 'phones.0.phone', column: 2 },
    { field: 'externalId', column: 3 },
    { field: 'tags', column: 4 },
    { field: 'custom.loyaltyTierStr', column: 5 },
  ],
}

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

describe('engine', () => {
  it('reports bytes read and rows found while it reads a file', async () => {
    const job = recordJob()
    engine.openFile(FIXTURE, job.listener)
    await job.terminal
    const reading = job.events.filter((event) => event.type === 'progress' && event.unit === 'bytes')
    expect(reading.at(-1)).toMatchObject({ done: expect.any(Number), rowsSoFar: expect.any(Number) })
    const last = reading.at(-1)
    expect(last?.type === 'progress' && (last.rowsSoFar ?? 0) >= 10).toBe(true)
  })

  it('reads a file in the worker and pages its rows', async () => {
    const dataset = await ingest(FIXTURE)
    expect(dataset).toMatchObject({
      fileName: 'customers-10.csv',
      rowCount: 10,
      delimiter: ',',
      encoding: 'UTF-8',
    })
    expect(dataset.headers).toEqual(['Full name', 'Email', 'Phone', 'Customer ID', 'Tags', 'Loyalty tier'])
    const page = await engine.rows({ datasetId: dataset.datasetId, offset: 8, limit: 5, filter: 'all' })
    expect(page.total).toBe(10)
    expect(page.rows.map((row) => row.row)).toEqual([10, 11])
    expect(page.rows[0]?.cells[0]).toBe('Radia Perlman')
  })

  it('reports a failed ingest with the file named', async () => {
    const job = recordJob()
    engine.openFile(files.write('empty.csv', ''), job.listener)
    await expect(job.terminal).resolves.toMatchObject({
      type: 'failed',
      error: { code: 'FILE_EMPTY', message: expect.stringContaining('empty.csv') },
    })
  })

  it('validates every row against the mapping and filters rows by outcome', async () => {
    const dataset = await ingest(FIXTURE)
    const summary = await engine.applyMapping({ datasetId: dataset.datasetId, mapping: MAPPING })
    expect(summary).toMatchObject({
      rows: 10,
      valid: 9,
      withErrors: 1,
      errorsByField: { 'emails.0.email': 1 },
    })
    const errors = await engine.rows({
      datasetId: dataset.datasetId,
      offset: 0,
      limit: 100,
      filter: 'errors',
    })
    expect(errors.total).toBe(1)
    expect(errors.rows[0]).toMatchObject({ row: 6, values: { 'emails.0.email': 'edsger@@example.com' } })
    expect(errors.rows[0]?.issues?.[0]).toMatchObject({
      field: 'emails.0.email',
      severity: 'error',
      rule: 'email',
    })
    const valid = await engine.rows({ datasetId: dataset.datasetId, offset: 0, limit: 100, filter: 'valid' })
    expect(valid.total).toBe(9)
  })

  it('fixes a cell: only that row is checked again, the original is kept, and the fix is sent', async () => {
    const dataset = await ingest(FIXTURE)
    const mapping: Mapping = {
      ...MAPPING,
      assignments: MAPPING.assignments.filter((assignment) => assignment.field !== 'externalId'),
    }
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping })
    const fixed = await engine.editCell({
      datasetId: dataset.datasetId,
      row: 6,
      column: 1,
      value: 'edsger@example.com',
    })
    expect(fixed.summary).toMatchObject({ rows: 10, valid: 10, withErrors: 0, edited: 1, errorsByField: {} })
    const edited = await engine.rows({ datasetId: dataset.datasetId, offset: 0, limit: 10, filter: 'edited' })
    expect(edited.rows.map((row) => row.row)).toEqual([6])
    const warned = await engine.rows({
      datasetId: dataset.datasetId,
      offset: 0,
      limit: 10,
      filter: 'warnings',
    })
    expect(warned.total).toBe(0)
    expect(fixed.row).toMatchObject({
      row: 6,
      values: { 'emails.0.email': 'edsger@example.com' },
      issues: [],
      edited: [{ column: 1, original: 'edsger@@example.com' }],
    })
    expect(
      (await engine.rows({ datasetId: dataset.datasetId, offset: 0, limit: 10, filter: 'errors' })).total,
    ).toBe(0)

    const undone = await engine.editCell({
      datasetId: dataset.datasetId,
      row: 6,
      column: 1,
      value: 'edsger@@example.com',
    })
    expect(undone.summary).toMatchObject({ valid: 9, withErrors: 1, errorsByField: { 'emails.0.email': 1 } })
    expect(undone.row.edited).toBeUndefined()

    await engine.editCell({ datasetId: dataset.datasetId, row: 6, column: 1, value: 'edsger.d@example.com' })
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId: dataset.datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'valid' },
      job.listener,
    )
    await expect(job.terminal).resolves.toMatchObject({
      result: { totals: { rows: 10, created: 10, skipped: 0 } },
    })
    expect(engine.uploadResults({ jobId, offset: 4, limit: 1 }).rows[0]).toMatchObject({
      row: 6,
      status: 'created',
    })
    expect(await engine.sourceCells(dataset.datasetId, [6])).toEqual([
      ['Edsger Dijkstra', 'edsger.d@example.com', '+31 20 555 0105', 'CRM-1005', '', 'silver'],
    ])
  })

  it('refuses to edit a row that is not in the file', async () => {
    const dataset = await ingest(FIXTURE)
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping: MAPPING })
    await expect(
      engine.editCell({ datasetId: dataset.datasetId, row: 1, column: 0, value: 'x' }),
    ).rejects.toMatchObject({
      code: 'DATASET_NOT_FOUND',
      message: 'Row 1 is not a data row of this file.',
    })
  })

  it('refuses a mapping that names a column the file does not have', async () => {
    const dataset = await ingest(FIXTURE)
    await expect(
      engine.applyMapping({
        datasetId: dataset.datasetId,
        mapping: { providerId: 'kustomer', assignments: [{ field: 'name', column: 6 }] },
      }),
    ).rejects.toMatchObject({ code: 'MAPPING_INVALID', message: expect.stringContaining('only 6 columns') })
  })

  it('uploads every row to the sandbox and lets Kustomer decide on the bad one', async () => {
    const dataset = await ingest(FIXTURE)
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping: MAPPING })
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId: dataset.datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      job.listener,
    )
    const terminal = await job.terminal
    expect(terminal).toMatchObject({
      type: 'completed',
      result: { kind: 'upload', totals: { rows: 10, created: 9, updated: 0, skipped: 0, failed: 1 } },
    })
    const { rows } = engine.uploadResults({ jobId, offset: 0, limit: 100 })
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(rows.find((row) => row.row === 6)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/email/i),
    })
    expect(rows.filter((row) => row.status === 'created').every((row) => typeof row.id === 'string')).toBe(
      true,
    )
    expect(job.events.some((event) => event.type === 'progress' && event.unit === 'rows')).toBe(true)
  })

  it('retries only the rows that did not go through, after the user fixed them', async () => {
    await engine.close()
    engine = engineFromSource()
    const dataset = await ingest(FIXTURE)
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping: MAPPING })
    const first = recordJob()
    const firstJob = await engine.startUpload(
      { datasetId: dataset.datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      first.listener,
    )
    await expect(first.terminal).resolves.toMatchObject({ result: { totals: { created: 9, failed: 1 } } })
    await engine.editCell({ datasetId: dataset.datasetId, row: 6, column: 1, value: 'edsger@example.com' })

    const retry = recordJob()
    const retryJob = await engine.retryUnsuccessful(firstJob, retry.listener)
    await expect(retry.terminal).resolves.toMatchObject({
      result: { totals: { rows: 1, created: 1, updated: 0, skipped: 0, failed: 0 } },
    })
    expect(engine.uploadResults({ jobId: retryJob, offset: 0, limit: 10 }).rows).toEqual([
      { row: 6, status: 'created', id: expect.any(String) },
    ])
    await expect(engine.retryUnsuccessful(retryJob, recordJob().listener)).rejects.toMatchObject({
      message: expect.stringContaining('nothing to retry'),
    })
  })

  it('skips rows with errors when asked to, saying why', async () => {
    await engine.close()
    engine = engineFromSource() // a fresh sandbox: the previous test created these customers
    const dataset = await ingest(FIXTURE)
    const mapping: Mapping = {
      ...MAPPING,
      // Without External IDs: rows are then matched by email, so the sandbox must not yet know them.
      assignments: MAPPING.assignments.filter((assignment) => assignment.field !== 'externalId'),
    }
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping })
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId: dataset.datasetId as DatasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'valid' },
      job.listener,
    )
    await expect(job.terminal).resolves.toMatchObject({
      result: { totals: { rows: 10, created: 9, skipped: 1, failed: 0 } },
    })
    const skipped = engine.uploadResults({ jobId, offset: 0, limit: 100 }).rows.find((row) => row.row === 6)
    expect(skipped).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/^Not sent because of a validation error: "edsger@@example.com"/),
    })
  })

  it('refuses an upload before the columns are mapped', async () => {
    const dataset = await ingest(FIXTURE)
    await expect(
      engine.startUpload(
        { datasetId: dataset.datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
        () => {},
      ),
    ).rejects.toMatchObject({ code: 'MAPPING_INVALID' })
  })
})
