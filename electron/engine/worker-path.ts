import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where the dataset worker is for an entry point: beside the built entry (`engine-worker.js`), or — when
 * the entry runs straight from TypeScript, as in tests (Node 24 strips types) — its source file.
 */
export function workerPathFor(entryUrl: string): string {
  if (entryUrl.endsWith('.ts')) return fileURLToPath(new URL('./dataset/engine-worker.ts', import.meta.url))
  return join(dirname(fileURLToPath(entryUrl)), 'engine-worker.js')
}
