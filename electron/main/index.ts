import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { setLanguage, t } from '#shared/i18n/i18n.ts'
import { matchLanguage } from '#shared/i18n/languages.ts'
import { Engine } from '../engine/engine.ts'
import { RotatingLog } from '../engine/logging/rotating-log.ts'
import { electronIpcMain } from './ipc/electron-ipc-main.ts'
import { registerIpc } from './ipc/index.ts'
import { fileArguments } from './file-arguments.ts'
import { buildApplicationMenu } from './menu.ts'
import { FileOpener } from './open-file.ts'
import { RecentFiles } from './recent-files.ts'
import { safeStorageSecretStore } from './safe-storage-secrets.ts'
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
  let opener: FileOpener | null = null
  // Files the system asks us to open before we are ready: the launch's own arguments, macOS open-file.
  const early = fileArguments(process.argv, process.cwd())
  const openFromSystem = (path: string) => (opener ? void opener.open(path) : early.push(path))

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.focus()
    for (const path of fileArguments(argv, workingDirectory)) openFromSystem(path)
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFromSystem(path)
  })

  void app.whenReady().then(() => {
    new RotatingLog(app.getPath('logs')).captureConsole()
    applySecurity()
    const ready = new Engine({
      workerPath: join(mainDir, 'engine-worker.js'),
      dataDir: app.getPath('userData'),
      secretStore: safeStorageSecretStore(app.getPath('userData')),
    })
    engine = ready
    const ipc = registerIpc(
      electronIpcMain,
      ready,
      trustedSenderCheck({ devServerUrl: paths.devServerUrl, rendererIndexPath: paths.rendererIndex }),
    )
    const recent = new RecentFiles(app.getPath('userData'))
    const refreshMenu = () =>
      Menu.setApplicationMenu(
        buildApplicationMenu({
          isDevelopment: Boolean(paths.devServerUrl),
          mainDir,
          recent: recent.list(),
          onOpen: () => void chooseFile(),
          onExport: () => {
            const [window] = BrowserWindow.getAllWindows()
            if (window) ipc.emit(window.webContents, 'menu:export', {})
          },
          onOpenRecent: (path) => openFromSystem(path),
          onClearRecent: () => {
            recent.clear()
            app.clearRecentDocuments()
            // The menu is drawn before the page says which language it speaks: start in the saved one, or the OS's.
            setLanguage(ready.settings.language ?? matchLanguage(app.getPreferredSystemLanguages()))
            refreshMenu()
            ready.onLanguageChange(() => refreshMenu())
          },
        }),
      )
    const fileOpener = new FileOpener(engine, ipc, recent, refreshMenu)
    opener = fileOpener
    const chooseFile = async () => {
      const { canceled, filePaths } = await dialog.showOpenDialog({
        title: t('menu:openDialog.title'),
        properties: ['openFile'],
        filters: [
          {
            name: t('menu:openDialog.spreadsheets'),
            extensions: ['xlsx', 'xlsm', 'csv', 'tsv', 'txt', 'tab'],
          },
        ],
      })
      if (!canceled && filePaths[0]) void fileOpener.open(filePaths[0])
    }
    refreshMenu()
    const window = createMainWindow(paths)
    window.webContents.on('did-finish-load', () => {
      for (const path of early.splice(0)) void fileOpener.open(path)
      fileOpener.flush()
    })
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
