import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerDatasetIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('dataset:rows', (req) => engine.rows(req))
  ipc.handle('dataset:applyMapping', (req) => engine.applyMapping(req))
  ipc.handle('dataset:editCell', (req) => engine.editCell(req))
  ipc.handle('dataset:findInColumn', (req) => engine.findInColumn(req))
  ipc.handle('dataset:replaceInColumn', (req) => engine.replaceInColumn(req))
  ipc.handle('dataset:revertReplace', (req) => engine.revertReplace(req))
  ipc.handle('dataset:columnStats', (req) => engine.columnStats(req))
  ipc.handle('dataset:export', (req) => engine.exportRows(req))
  ipc.handle('dataset:exclude', (req) => engine.exclude(req))
  ipc.handle('dataset:duplicateChoice', (req) => engine.duplicateChoice(req))
}
