import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setLanguage } from '#shared/i18n/i18n.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { Dataset } from '../../../../electron/engine/dataset/dataset.ts'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Rows are checked once, as catalog keys; their findings are said in words only when a page of rows
// leaves the worker, or when a row is skipped at upload, in the language the screens use then.

const FIXTURE = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname
const MAPPING: Mapping = {
  providerId: 'kustomer',
  assignments: [
    { field: 'name', column: 0 },
    { field: 'emails.0.email', column: 1 },
    { field: 'phones.0.phone', column: 2 },
    { field: 'externalId', column: 3 },
  ],
}

let engine: Engine
const files = tempFiles()

async function ingest(): Promise<DatasetSummary> {
  const job = recordJob()
  engine.openFile(FIXTURE, job.listener)
  const terminal = await job.terminal
  if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest')
    throw new Error(JSON.stringify(terminal))
  return terminal.result.dataset
}

beforeAll(() => {
  engine = engineFromSource()
})
afterAll(async () => {
  await engine.setLanguage('en', false)
  await engine.close()
  files.cleanup()
})
afterEach(() => setLanguage('en'))

describe('validation findings in the chosen language', () => {
  it('pages review rows with Polish messages after the language is switched, and English after', async () => {
    const dataset = await ingest()
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping: MAPPING })
    const page = () => engine.rows({ datasetId: dataset.datasetId, offset: 0, limit: 10, filter: 'errors' })

    await engine.setLanguage('pl', false)
    const polish = await page()
    expect(polish.rows[0]?.issues?.[0]).toMatchObject({
      field: 'emails.0.email',
      rule: 'email',
      message:
        '„edsger@@example.com” nie jest prawidłowym adresem e-mail. Powinien wyglądać jak name@example.com.',
    })

    // The same finding, checked before the switch back, is said in English once the screens are.
    await engine.setLanguage('en', false)
    expect((await page()).rows[0]?.issues?.[0]?.message).toBe(
      '"edsger@@example.com" is not a valid email address. It should look like name@example.com.',
    )
  })

  it('gives rows skipped for their errors a Polish reason, counting the other errors in Polish', async () => {
    const csv = [
      'Name,Email,Phone',
      'Ada,ada@example.com,+442079460001',
      'Bob,bob@@example,not a phone',
      'Cy,cy@@example,+14155550100',
    ].join('\n')
    const table = await readTable(files.write('skipped.csv', csv), new AbortController().signal, () => {})
    const data = new Dataset(table)
    data.applyMapping({
      providerId: 'kustomer',
      assignments: [
        { field: 'name', column: 0 },
        { field: 'emails.0.email', column: 1 },
        { field: 'phones.0.phone', column: 2 },
      ],
    })
    setLanguage('pl')
    const { items, skipped } = data.prepare(0, 10, 'valid')
    expect(items.map((item) => item.row)).toEqual([2])
    expect(skipped.map((row) => row.row)).toEqual([3, 4])
    expect(skipped[0]?.message).toContain(
      '„bob@@example” nie jest prawidłowym adresem e-mail. Powinien wyglądać jak name@example.com. (i jeszcze 1 błąd)',
    )
    expect(skipped[1]?.message).toContain('„cy@@example” nie jest prawidłowym adresem e-mail.')
    expect(skipped[1]?.message).not.toContain('(i jeszcze')
  })
})
