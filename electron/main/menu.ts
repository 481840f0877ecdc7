import { basename } from 'node:path'
import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  isDevelopment: boolean
  recent: readonly string[]
  onOpen(): void
  onOpenRecent(path: string): void
  onClearRecent(): void
}

/** The native menu: File (Open…, Open Recent), Edit, View, Window, and Help with About and the logs folder. */
export function buildApplicationMenu({
  isDevelopment,
  recent,
  onOpen,
  onOpenRecent,
  onClearRecent,
}: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const about = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: 'About Crosswalk',
      message: `Crosswalk ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}\n\nPuts spreadsheets of customers into customer platforms, with a per-row account of what happened.`,
    })
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
        { label: 'About Crosswalk', click: about },
        { label: 'Open Logs Folder', click: () => void shell.openPath(app.getPath('logs')) },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
