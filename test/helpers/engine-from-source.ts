import { fileURLToPath } from 'node:url'
import { Engine } from '../../electron/engine/engine.ts'

/** The real engine, with its dataset worker run straight from TypeScript (Node 24 strips the types). */
export const ENGINE_WORKER_SOURCE = fileURLToPath(
  new URL('../../electron/engine/dataset/engine-worker.ts', import.meta.url),
)

export function engineFromSource(): Engine {
  return new Engine({ workerPath: ENGINE_WORKER_SOURCE })
}
