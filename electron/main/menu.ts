import { basename } from 'node:path'
import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import { componentList, readShippedLicenses } from './licenses.ts'

export interface MenuActions {
  isDevelopment: boolean
  /** Where the built main bundle is, to find the licence files beside it. */
  mainDir: string
  recent: readonly string[]
  onOpen(): void
  onOpenRecent(path: string): void
  onClearRecent(): void
}

/** The native menu: File (Open…, Open Recent), Edit, View, Window, and Help with About and the logs folder. */
export function buildApplicationMenu({
  isDevelopment,
  mainDir,
  recent,
  onOpen,
  onOpenRecent,
  onClearRecent,
}: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const about = async () => {
    const licenses = readShippedLicenses(mainDir)
    const { response } = await dialog.showMessageBox({
      type: 'info',
      title: 'About Crosswalk',
      message: `Crosswalk ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}\n\nPuts spreadsheets of customers into customer platforms, with a per-row account of what happened.\n\nBuilt with open-source software: ${componentList(licenses.components)}.`,
      buttons: licenses.text ? ['OK', 'Licences…'] : ['OK'],
      defaultId: 0,
      cancelId: 0,
    })
    if (response === 1) showLicenseWindow(licenses.text)
  }
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: onOpen },
        {
          label: 'Open Recent',
          enabled: recent.length > 0,
          submenu: [
            ...recent.map((path) => ({
              label: basename(path),
              sublabel: path,
              click: () => onOpenRecent(path),
            })),
            { type: 'separator' as const },
            { label: 'Clear Menu', click: onClearRecent },
          ],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDevelopment
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'About Crosswalk', click: () => void about() },
        { label: 'Open Logs Folder', click: () => void shell.openPath(app.getPath('logs')) },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}

/** The licence texts as plain text in a window of their own: no preload, no scripts, nothing to navigate to. */
function showLicenseWindow(text: string): void {
  const window = new BrowserWindow({
    width: 760,
    height: 640,
    title: 'Crosswalk — open-source licences',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick', // as the main window: no middle-click new windows
    },
  })
  window.setMenu(null)
  void window.loadURL(`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`)
}
