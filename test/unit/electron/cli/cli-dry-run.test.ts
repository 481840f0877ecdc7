import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TRANSPORTS } from '../../../../electron/engine/providers/registry.ts'
import type { RunningSandbox } from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// `crosswalk import --dry-run` as a user runs it, against a Kustomer sandbox this test runs (saved as
// a connection, as one would save a staging account) that already has one customer of the file.
// The process is spawned asynchronously: the sandbox answers from this test's own event loop.

const CLI = new URL('../../../../electron/cli/index.ts', import.meta.url).pathname
const FIXTURE = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname
const files = tempFiles()
const dataDir = join(files.dir, 'data')
let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox('kustomer', { faults: { jobDelayMs: 5 } })
  const target = { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets }
  const context = { signal: new AbortController().signal, fetch: globalThis.fetch, sleep }
  const ada = { row: 2, record: { externalId: 'CRM-1001', name: 'Ada Lovelace' } }
  for await (const outcomes of TRANSPORTS.kustomer.upload([ada], target, context)) {
    expect(outcomes[0]?.status).toBe('created')
  }
  const engine = engineFromSource(dataDir)
  engine.saveConnection({
    providerId: 'kustomer',
    name: 'Staging',
    settings: sandbox.settings,
    secrets: sandbox.secrets,
    baseUrlOverride: sandbox.baseUrl,
  })
  await engine.close()
})
afterAll(async () => {
  await sandbox?.close()
  files.cleanup()
})

function crosswalk(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, CROSSWALK_DATA_DIR: dataDir },
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('crosswalk import --dry-run', () => {
  it('reports what would happen to every row, sends nothing, and exits 1 when a row would not go through', async () => {
    const report = join(files.dir, 'dry-run.json')
    const { code, stderr } = await crosswalk(
      'import',
      FIXTURE,
      '--provider',
      'kustomer',
      '--auto-map',
      '--connection',
      'Staging',
      '--dry-run',
      '--report',
      report,
    )
    expect(stderr).toMatch(/Dry run, nothing was sent: 8 would be created, 1 would be updated/)
    expect(code).toBe(1)
    const json = JSON.parse(readFileSync(report, 'utf8'))
    expect(json).toMatchObject({
      provider: 'kustomer',
      dryRun: true,
      totals: { rows: 10, wouldCreate: 8, wouldUpdate: 1, wouldSend: 0, skipped: 1, failed: 0, requests: 2 },
    })
    expect(json.rows).toHaveLength(10)
    expect(json.rows[0]).toMatchObject({ row: 2, status: 'wouldUpdate' })
    expect(json.rows[4]).toMatchObject({ row: 6, status: 'skipped' })
    expect(sandbox.customerCount()).toBe(1)
  })

  it('exits 0 when every row would go through', async () => {
    const path = files.write('clean.csv', 'Full name,Email\nAnn Lee,ann@example.com\nBo Li,bo@example.com\n')
    const { code, stderr } = await crosswalk(
      'import',
      path,
      '--provider',
      'kustomer',
      '--auto-map',
      '--connection',
      'Staging',
      '--dry-run',
    )
    expect(stderr).toMatch(/2 would be created/)
    expect(code).toBe(0)
    expect(sandbox.customerCount()).toBe(1)
  })

  it('exits 2 when asked to resume a dry run', async () => {
    const args = ['import', FIXTURE, '--provider', 'kustomer', '--auto-map', '--sandbox']
    const { code, stderr } = await crosswalk(...args, '--dry-run', '--resume')
    expect(stderr).toMatch(/cannot be combined with --resume/)
    expect(code).toBe(2)
  })
})
