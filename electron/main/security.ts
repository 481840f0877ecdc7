import { app, session } from 'electron'

/**
 * Applied once, before any window exists: no navigation away from our page, no new windows, no
 * webviews, and every permission request (camera, notifications, …) denied.
 */
export function applySecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The app is a single page: any navigation (a dropped file the page failed to catch, a link) is refused.
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
