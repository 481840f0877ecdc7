import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { rememberWindowState, restoredBounds } from './window-state.ts'

export interface WindowPaths {
  preload: string
  rendererIndex: string
  devServerUrl?: string
}

/** The only place webPreferences are set. */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const restored = restoredBounds()
  const window = new BrowserWindow({
    title: 'Crosswalk',
    width: 1280,
    height: 840,
    ...restored?.bounds,
    minWidth: 960,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise ask for a new window (denied anyway): turn it off.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (restored?.maximized) window.maximize()
  rememberWindowState(window)
  window.once('ready-to-show', () => window.show())
  if (paths.devServerUrl) void window.loadURL(paths.devServerUrl)
  else void window.loadFile(paths.rendererIndex)
  return window
}

export function builtPaths(mainDir: string): WindowPaths {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererIndex: join(mainDir, '../renderer/index.html'),
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  }
}
