import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerUploadIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('upload:start', async (req, event) => {
    const jobId = await engine.startUpload(req, (jobEvent) => ipc.emit(event.sender, 'jobs:event', jobEvent))
    return { jobId }
  })
  ipc.handle('upload:results', (req) => engine.uploadResults(req))
  ipc.handle('upload:unsuccessfulRows', (req) => engine.unsuccessfulRows(req.jobId))
  ipc.handle('upload:retry', async (req, event) => {
    const jobId = await engine.retryUnsuccessful(req.jobId, (jobEvent) =>
      ipc.emit(event.sender, 'jobs:event', jobEvent),
    )
    return { jobId }
  })
  ipc.handle('uploads:unfinished', () => engine.unfinishedUploadList())
  ipc.handle('uploads:history', ({ limit }) => engine.uploadHistory(limit))
  ipc.handle('uploads:resume', (req, event) =>
    engine.resumeUploadById(req.id, (jobEvent) => ipc.emit(event.sender, 'jobs:event', jobEvent)),
  )
  ipc.handle('uploads:discard', (req) => ({ discarded: engine.discardUpload(req.id) }))
}
