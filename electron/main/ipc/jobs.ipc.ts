import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerJobsIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('jobs:cancel', ({ jobId }) => ({ cancelled: engine.cancel(jobId) }))
}
