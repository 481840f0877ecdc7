import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerConnectionsIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('connections:list', ({ providerId }) => engine.listConnections(providerId))
}
