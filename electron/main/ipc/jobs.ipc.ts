import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerJobsIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('jobs:cancel', ({ jobId }) => ({ cancelled: engine.cancel(jobId) }))
  ipc.handle('jobs:pause', ({ jobId }) => ({ paused: engine.pause(jobId) }))
  ipc.handle('jobs:continue', ({ jobId }) => ({ continued: engine.continue(jobId) }))
}
