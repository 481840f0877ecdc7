import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerSettingsIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('settings:get', () => engine.settings.get())
  ipc.handle('settings:setLanguage', async ({ language, followSystem }) => ({
    language: await engine.setLanguage(language, followSystem),
  }))
}
