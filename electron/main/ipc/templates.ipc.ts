import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerTemplatesIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('templates:list', ({ providerId }) => engine.templates.list(providerId))
  ipc.handle('templates:save', (template) => engine.templates.save(template))
  ipc.handle('templates:delete', ({ providerId, name }) => ({
    deleted: engine.templates.delete(providerId, name),
  }))
}
