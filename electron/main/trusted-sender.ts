import { pathToFileURL } from 'node:url'

/**
 * Builds the check every IPC request passes (Electron security checklist #17): the request must come
 * from our own page — the dev server's origin during development, or the packaged index.html file.
 */
export function trustedSenderCheck(options: {
  devServerUrl?: string
  rendererIndexPath: string
}): (url: string) => boolean {
  if (options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin
    return (url) => {
      try {
        return new URL(url).origin === origin
      } catch {
        return false
      }
    }
  }
  const indexUrl = pathToFileURL(options.rendererIndexPath).href
  return (url) => {
    try {
      const parsed = new URL(url)
      parsed.hash = ''
      parsed.search = ''
      return parsed.href === indexUrl
    } catch {
      return false
    }
  }
}
