import type { Engine } from '../../engine/engine.ts'
import { checkFilePath } from '../../engine/ingest/check-file-path.ts'
import type { Ipc } from './register.ts'

export function registerFilesIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('files:open', async ({ path, options }, event) => {
    const checked = await checkFilePath(path)
    const jobId = engine.openFile(
      checked,
      (jobEvent) => ipc.emit(event.sender, 'jobs:event', jobEvent),
      options,
    )
    return { jobId }
  })
  ipc.handle('files:openSample', async (_req, event) =>
    engine.openSample((jobEvent) => ipc.emit(event.sender, 'jobs:event', jobEvent)),
  )
}
