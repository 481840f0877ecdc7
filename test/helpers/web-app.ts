import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const WEB_ENTRY = 'out/node/web.js'

export interface RunningWebApp {
  url: string
  /** Where this run keeps saved connections and upload journals. */
  dataDir: string
  stop(): Promise<void>
  /** Kills the process outright (SIGKILL), as a crash or a power cut would. */
  crash(): Promise<void>
}

/**
 * Starts `node out/node/web.js` (what `npm run web` runs) and waits for the link it prints. Give the
 * `dataDir` of an earlier run to start "the same installation" again.
 */
export async function startWebApp(options: { dataDir?: string } = {}): Promise<RunningWebApp> {
  if (!existsSync(WEB_ENTRY)) throw new Error(`${WEB_ENTRY} is missing: run "npm run build" first.`)
  // Saved connections go to a fresh folder, never the developer's own.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'crosswalk-e2e-data-'))
  const child = spawn(process.execPath, [WEB_ENTRY, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CROSSWALK_DATA_DIR: dataDir },
  })
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url)
      } catch {
        reject(new Error(`unexpected first line from the web bridge: ${line}`))
      }
    })
    child.once('exit', (code) => reject(new Error(`the web bridge exited with code ${code}`)))
  })
  return { url, dataDir, stop: () => stop(child, 'SIGTERM'), crash: () => stop(child, 'SIGKILL') }
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
