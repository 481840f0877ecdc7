import { statSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { SANDBOX_CONNECTION_ID } from '#shared/ids.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { journalDir, readJournal, UploadJournal } from '../../../../electron/engine/upload/journal.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Excluded rows and the duplicate choice travel in the upload journal like the edits, so an upload
// resumed after a crash sends exactly the rows the user chose.

const files = tempFiles()
const engines: Engine[] = []
afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()))
  files.cleanup()
})

const CSV = [
  'Name,Email,Customer ID',
  'Ada,ada@example.com,C-1',
  'Alan,alan@example.com,C-2',
  'Ada again,ada2@example.com,C-1',
  'Grace,grace@example.com,C-3',
].join('\n')
const MAPPING: Mapping = {
  providerId: 'kustomer',
  assignments: [
    { field: 'name', column: 0 },
    { field: 'emails.0.email', column: 1 },
    { field: 'externalId', column: 2 },
  ],
}

async function opened(engine: Engine, path: string) {
  const job = recordJob()
  engine.openFile(path, job.listener)
  const terminal = await job.terminal
  if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest') throw new Error('ingest failed')
  return terminal.result.dataset.datasetId
}

describe('row choices in the upload journal', () => {
  it('records excluded rows and the duplicate choice when an upload starts', async () => {
    const dataDir = `${files.dir}/data-a`
    const engine = engineFromSource(dataDir)
    engines.push(engine)
    const datasetId = await opened(engine, files.write('a.csv', CSV))
    await engine.applyMapping({ datasetId, mapping: MAPPING })
    await engine.exclude({ datasetId, excluded: true, target: { kind: 'rows', rows: [3] } })
    await engine.duplicateChoice({ datasetId, choice: 'keepFirst' })
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'all' },
      job.listener,
    )
    await expect(job.terminal).resolves.toMatchObject({
      result: { totals: { rows: 4, created: 2, skipped: 2 } },
    })
    expect(engine.uploadResults({ jobId, offset: 0, limit: 10 }).rows).toMatchObject([
      { row: 2, status: 'created' },
      { row: 3, status: 'skipped', message: 'Excluded in review' },
      { row: 4, status: 'skipped', message: 'Duplicate of row 2' },
      { row: 5, status: 'created' },
    ])
    const journal = readJournal(`${journalDir(dataDir)}/${jobId}.jsonl`)
    expect(journal?.header).toMatchObject({ excluded: [3], duplicates: 'keepFirst' })
  })

  it('keeps them after a resume: excluded rows stay excluded, later duplicates stay skipped', async () => {
    const dataDir = `${files.dir}/data-b`
    const path = files.write('b.csv', CSV)
    const { size, mtimeMs } = statSync(path)
    // The journal of an upload that stopped before any row was answered.
    const journal = UploadJournal.create(journalDir(dataDir), {
      t: 'header',
      version: 1,
      jobId: 'stopped-upload',
      createdAt: new Date().toISOString(),
      file: { path, size, modifiedMs: mtimeMs },
      ingest: {},
      providerId: 'kustomer',
      connectionId: SANDBOX_CONNECTION_ID,
      connectionName: 'Sandbox',
      mapping: MAPPING,
      include: 'all',
      edits: [],
      excluded: [5],
      duplicates: 'merge',
      rowCount: 4,
    })
    journal.close()
    const engine = engineFromSource(dataDir)
    engines.push(engine)
    const job = recordJob()
    const { jobId, validation } = await engine.resumeUpload(journal.path, job.listener)
    expect(validation).toMatchObject({ excluded: 1, duplicates: { groups: 1, rows: 2, choice: 'merge' } })
    await expect(job.terminal).resolves.toMatchObject({
      result: { totals: { rows: 4, created: 2, skipped: 2 } },
    })
    expect(engine.uploadResults({ jobId, offset: 0, limit: 10 }).rows).toMatchObject([
      { row: 2, status: 'created' },
      { row: 3, status: 'created' },
      { row: 4, status: 'skipped', message: 'Merged into row 2' },
      { row: 5, status: 'skipped', message: 'Excluded in review' },
    ])
  })
})
