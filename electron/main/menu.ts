import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron'

/** The native menu: the platform's usual items, plus About and the logs folder under Help. */
export function buildApplicationMenu(isDevelopment: boolean): Menu {
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
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
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
