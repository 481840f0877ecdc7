import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobEvent } from '#shared/jobs.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { SAMPLE_HEADERS, sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'
import type { RunningSandbox } from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Issue 7: "a revoked key pauses the job with a clear message instead of failing every remaining
// row". The connection's key is refused; the upload holds and says why; the person saves the right
// key and presses Continue; every row arrives once.

const ROWS = 250
const engine = engineFromSource()
const files = tempFiles()
let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox('kustomer', {})
})
afterAll(async () => {
  await engine.close()
  await sandbox?.close()
  files.cleanup()
})

function eventOf(events: JobEvent[], type: JobEvent['type']): Promise<JobEvent> {
  return new Promise((resolve) => {
    const poll = () => {
      const found = events.find((event) => event.type === type)
      if (found) resolve(found)
      else setTimeout(poll, 10)
    }
    poll()
  })
}

describe('refused credentials during an upload', () => {
  it('pause the upload with what to do, and it sends every row once the key is updated', async () => {
    const staging = engine.saveConnection({
      providerId: 'kustomer',
      name: 'Staging',
      settings: sandbox.settings,
      secrets: { ...sandbox.secrets, apiKey: 'a-key-that-was-revoked' },
      baseUrlOverride: sandbox.baseUrl,
    })
    const ingest = recordJob()
    engine.openFile(files.write('customers.csv', tableAsCsv(sampleCustomers(ROWS, 7))), ingest.listener)
    const read = await ingest.terminal
    if (read.type !== 'completed' || read.result.kind !== 'ingest') throw new Error(JSON.stringify(read))
    const datasetId = read.result.dataset.datasetId
    const assignments = autoMatch(SAMPLE_HEADERS, kustomer).map(({ field, column }) => ({ field, column }))
    await engine.applyMapping({ datasetId, mapping: { providerId: 'kustomer', assignments } })

    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId, connectionId: staging.id, include: 'all' },
      job.listener,
    )
    const paused = await eventOf(job.events, 'paused')
    expect(paused).toMatchObject({
      reason: expect.stringMatching(/^Kustomer refused the API key/),
    })
    expect(paused).toMatchObject({ reason: expect.stringMatching(/press Continue/) })
    expect(job.events.some((event) => event.type === 'failed')).toBe(false)
    expect(sandbox.customerCount()).toBe(0)

    engine.saveConnection({
      providerId: 'kustomer',
      id: staging.id,
      name: 'Staging',
      settings: sandbox.settings,
      secrets: sandbox.secrets,
      baseUrlOverride: sandbox.baseUrl,
    })
    expect(engine.continue(jobId)).toBe(true)
    const terminal = await job.terminal
    expect(terminal).toMatchObject({ type: 'completed', result: { totals: { rows: ROWS, created: ROWS } } })
    expect(sandbox.customerCount()).toBe(ROWS)
  })
})
