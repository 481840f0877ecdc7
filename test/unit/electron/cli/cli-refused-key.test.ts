import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../../../electron/engine/providers/types.ts'
import { startSandbox } from '../../../../electron/engine/sandbox/registry.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// The app pauses an upload whose key is refused, for the person to fix it and continue. The command
// line has nobody to ask: it stops with exit code 3 and says why and what to do, and sends nothing.

const CLI = new URL('../../../../electron/cli/index.ts', import.meta.url).pathname
const FIXTURE = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname
const files = tempFiles()
const dataDir = join(files.dir, 'data')
let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox('kustomer', {})
  const engine = engineFromSource(dataDir)
  engine.saveConnection({
    providerId: 'kustomer',
    name: 'Staging',
    settings: sandbox.settings,
    secrets: { ...sandbox.secrets, apiKey: 'a-key-that-was-revoked' },
    baseUrlOverride: sandbox.baseUrl,
  })
  await engine.close()
})
afterAll(async () => {
  await sandbox?.close()
  files.cleanup()
})

describe('crosswalk import with a refused key', () => {
  it('stops with exit code 3, the reason and what to do, and sends nothing', async () => {
    const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      // Asynchronously: the sandbox runs in this process and must answer while the CLI runs.
      const child = spawn(
        process.execPath,
        [CLI, 'import', FIXTURE, '--provider', 'kustomer', '--auto-map', '--connection', 'Staging'],
        { env: { ...process.env, CROSSWALK_DATA_DIR: dataDir } },
      )
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (status) => resolve({ status, stderr }))
    })
    expect(result.stderr).toMatch(
      /Stopped: Kustomer refused the API key.*Update the connection's credentials in the app, then run the import again\./,
    )
    expect(result.status).toBe(3)
    expect(sandbox.customerCount()).toBe(0)
  })
})
