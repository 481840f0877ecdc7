import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, Menu } from 'electron'
import { Engine } from '../engine/engine.ts'
import { RotatingLog } from '../engine/logging/rotating-log.ts'
import { electronIpcMain } from './ipc/electron-ipc-main.ts'
import { registerIpc } from './ipc/index.ts'
import { buildApplicationMenu } from './menu.ts'
import { applySecurity } from './security.ts'
import { trustedSenderCheck } from './trusted-sender.ts'
import { builtPaths, createMainWindow } from './window.ts'

// Lifecycle only: one instance, security first, then IPC, then the window.

const mainDir = dirname(fileURLToPath(import.meta.url))
const paths = builtPaths(mainDir)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let engine: Engine | null = null

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })

  void app.whenReady().then(() => {
    new RotatingLog(app.getPath('logs')).captureConsole()
    applySecurity()
    Menu.setApplicationMenu(buildApplicationMenu(Boolean(paths.devServerUrl)))
    engine = new Engine({ workerPath: join(mainDir, 'engine-worker.js') })
    registerIpc(
      electronIpcMain,
      engine,
      trustedSenderCheck({ devServerUrl: paths.devServerUrl, rendererIndexPath: paths.rendererIndex }),
    )
    createMainWindow(paths)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths)
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => {
    void engine?.close()
  })
}
