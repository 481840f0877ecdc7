import type { Engine } from '../../engine/engine.ts'
import { registerConnectionsIpc } from './connections.ipc.ts'
import { registerDatasetIpc } from './dataset.ipc.ts'
import { registerFilesIpc } from './files.ipc.ts'
import { registerJobsIpc } from './jobs.ipc.ts'
import { registerSettingsIpc } from './settings.ipc.ts'
import { createIpc, type Ipc, type IpcMainLike } from './register.ts'
import { registerTemplatesIpc } from './templates.ipc.ts'
import { registerUploadIpc } from './upload.ipc.ts'

/**
 * Registers every channel of the contract. Electron passes its real ipcMain; the web bridge passes its
 * shim. This folder must never import 'electron' so both can use it.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  engine: Engine,
  isTrustedSender: (url: string) => boolean,
): Ipc {
  const ipc = createIpc(ipcMain, isTrustedSender)
  registerFilesIpc(ipc, engine)
  registerJobsIpc(ipc, engine)
  registerDatasetIpc(ipc, engine)
  registerConnectionsIpc(ipc, engine)
  registerTemplatesIpc(ipc, engine)
  registerUploadIpc(ipc, engine)
  registerSettingsIpc(ipc, engine)
  return ipc
}
