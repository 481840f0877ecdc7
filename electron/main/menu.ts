import { basename } from 'node:path'
import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import { t } from '#shared/i18n/i18n.ts'
import { componentList, readShippedLicenses } from './licenses.ts'

export interface MenuActions {
  isDevelopment: boolean
  /** Where the built main bundle is, to find the licence files beside it. */
  mainDir: string
  recent: readonly string[]
  onOpen(): void
  /** File → Export…: the page opens its export dialog. */
  onExport(): void
  onOpenRecent(path: string): void
  onClearRecent(): void
}

/**
 * The native menu, in the language the screens speak (rebuilt when it changes): File (Open…, Open
 * Recent, Export…), Edit, View, Window, and Help with About and the logs folder. Items keep their
 * Electron roles (what they do, their shortcuts) with our labels: Electron names roles in English on
 * Windows and Linux. The macOS app menu is named by macOS.
 */
export function buildApplicationMenu({
  isDevelopment,
  mainDir,
  recent,
  onOpen,
  onExport,
  onOpenRecent,
  onClearRecent,
}: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const about = async () => {
    const licenses = readShippedLicenses(mainDir)
    const { response } = await dialog.showMessageBox({
      type: 'info',
      title: t('menu:about.title'),
      message: `Crosswalk ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}\n\n${t('menu:about.what')}\n\n${t('menu:about.builtWith', { components: componentList(licenses.components) })}`,
      buttons: licenses.text ? [t('menu:about.ok'), t('menu:about.licences')] : [t('menu:about.ok')],
      defaultId: 0,
      cancelId: 0,
    })
    if (response === 1) showLicenseWindow(licenses.text)
  }
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu:file.label'),
      submenu: [
        { label: t('menu:file.open'), accelerator: 'CmdOrCtrl+O', click: onOpen },
        {
          label: t('menu:file.openRecent'),
          enabled: recent.length > 0,
          submenu: [
            ...recent.map((path) => ({
              label: basename(path),
              sublabel: path,
              click: () => onOpenRecent(path),
            })),
            { type: 'separator' as const },
            { label: t('menu:file.clearRecent'), click: onClearRecent },
          ],
        },
        { label: t('menu:file.export'), accelerator: 'CmdOrCtrl+E', click: onExport },
        { type: 'separator' },
        isMac
          ? { role: 'close', label: t('menu:window.close') }
          : { role: 'quit', label: t('menu:file.quit') },
      ],
    },
    {
      label: t('menu:edit.label'),
      submenu: [
        { role: 'undo', label: t('menu:edit.undo') },
        { role: 'redo', label: t('menu:edit.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu:edit.cut') },
        { role: 'copy', label: t('menu:edit.copy') },
        { role: 'paste', label: t('menu:edit.paste') },
        { role: 'selectAll', label: t('menu:edit.selectAll') },
      ],
    },
    {
      label: t('menu:view.label'),
      submenu: [
        { role: 'resetZoom', label: t('menu:view.resetZoom') },
        { role: 'zoomIn', label: t('menu:view.zoomIn') },
        { role: 'zoomOut', label: t('menu:view.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu:view.fullScreen') },
        ...(isDevelopment
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      role: 'window',
      label: t('menu:window.label'),
      submenu: [
        { role: 'minimize', label: t('menu:window.minimize') },
        { role: 'close', label: t('menu:window.close') },
      ],
    },
    {
      role: 'help',
      label: t('menu:help.label'),
      submenu: [
        { label: t('menu:help.about'), click: () => void about() },
        { label: t('menu:help.openLogs'), click: () => void shell.openPath(app.getPath('logs')) },
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
    title: t('menu:about.licencesTitle'),
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
