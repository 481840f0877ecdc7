import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Engine } from '../../electron/engine/engine.ts'

/** The real engine, with its dataset worker run straight from TypeScript (Node 24 strips the types). */
export const ENGINE_WORKER_SOURCE = fileURLToPath(
  new URL('../../electron/engine/dataset/engine-worker.ts', import.meta.url),
)

/** A fresh engine whose saved connections live in a new temporary folder, never the user's. */
export function engineFromSource(dataDir = mkdtempSync(join(tmpdir(), 'crosswalk-data-'))): Engine {
  return new Engine({ workerPath: ENGINE_WORKER_SOURCE, dataDir })
}
