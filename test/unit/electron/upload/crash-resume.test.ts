import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'
import type { RunningSandbox } from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// The promise of the journal, tested the hard way: the `crosswalk import` process is killed with
// SIGKILL at random moments while it uploads, and started again with --resume until it finishes.
// The provider must end up with exactly one customer per row of the file — none lost, none twice —
// and the final report must account for every row. The sandbox runs in this test's process, so it
// outlives every killed upload, like a real provider would.

const CLI = new URL('../../../../electron/cli/index.ts', import.meta.url).pathname
const ROWS = 300
const files = tempFiles()
let sandbox: RunningSandbox
let dataDir: string
let csv: string

beforeAll(async () => {
  sandbox = await startSandbox('omnidesk', { faults: { latencyMs: 15 } })
  dataDir = join(files.dir, 'data')
  const engine = engineFromSource(dataDir)
  engine.saveConnection({
    providerId: 'omnidesk',
    name: 'Staging',
    settings: { ...sandbox.settings },
    secrets: { ...sandbox.secrets },
    baseUrlOverride: sandbox.baseUrl,
  })
  await engine.close()
  const table = sampleCustomers(ROWS, 3)
  csv = files.write('customers.csv', tableAsCsv(table))
})

afterAll(async () => {
  await sandbox?.close()
  files.cleanup()
})

/** Runs the import; kills it after `killAfterMs` unless it finished first. Resolves with its exit code, or null when killed. */
function importOnce(report: string, killAfterMs: number): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'import',
      csv,
      '--provider',
      'omnidesk',
      '--auto-map',
      '--connection',
      'Staging',
      '--resume',
      '--report',
      report,
    ],
    { env: { ...process.env, CROSSWALK_DATA_DIR: dataDir }, stdio: 'ignore' },
  )
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve(signal === 'SIGKILL' ? null : code)
    })
  })
}

describe('an upload killed again and again', () => {
  it('resumes until done, with exactly one customer per row at the provider', async () => {
    const report = join(files.dir, 'report.json')
    let seed = 42
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    let kills = 0
    let exitCode: number | null = null
    for (let attempt = 0; attempt < 25 && exitCode === null; attempt++) {
      // Early attempts die young (often mid-upload); later ones get the time to finish.
      exitCode = await importOnce(report, attempt < 6 ? 900 + random() * 1500 : 120_000)
      if (exitCode === null) kills++
    }
    expect(kills).toBeGreaterThanOrEqual(3)
    expect(exitCode).toBe(0)

    const final = JSON.parse(readFileSync(report, 'utf8')) as {
      totals: { rows: number; created: number; updated: number; skipped: number; failed: number }
      rows: { row: number; status: string }[]
    }
    expect(final.totals).toMatchObject({ rows: ROWS, skipped: 0, failed: 0 })
    expect(final.totals.created + final.totals.updated).toBe(ROWS)
    // Rows answered before a kill keep their answer: only the few in flight at each kill (4 at a
    // time for Omnidesk) were sent again, and found, and updated. Starting over would update them all.
    expect(final.totals.updated).toBeLessThanOrEqual(4 * kills)
    expect(new Set(final.rows.map((row) => row.row)).size).toBe(ROWS)
    expect(sandbox.customerCount()).toBe(ROWS)
  }, 240_000)
})
