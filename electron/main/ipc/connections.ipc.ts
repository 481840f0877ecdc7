import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerConnectionsIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('connections:list', ({ providerId }) => engine.listConnections(providerId))
  ipc.handle('connections:save', (draft) => engine.saveConnection(draft))
  ipc.handle('connections:delete', ({ id }) => engine.deleteConnection(id))
  ipc.handle('connections:test', (draft) => engine.testConnection(draft))
  ipc.handle('connections:secretStorage', () => engine.secretStorage())
}
