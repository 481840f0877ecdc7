import { app, session } from 'electron'
import { safeOpenExternal } from './external-url.ts'

/**
 * Applied once, before any window exists: no navigation away from our page, no new windows (links go
 * to the browser), no webviews, and every permission request (camera, notifications, …) denied.
 */
export function applySecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The app is a single page: any navigation (a dropped file the page failed to catch, a link) is refused.
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    // Links to documentation open in the user's browser (allowlisted https only), never in the app.
    contents.setWindowOpenHandler(({ url }) => {
      safeOpenExternal(url)
      return { action: 'deny' }
    })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
