/**
 * Hands a file the engine made to the person as a download: the browser's download in the web bridge,
 * Electron's save prompt in the app. Text is saved as is; `base64` content is decoded to its bytes.
 */
export function saveDownload(
  fileName: string,
  data: string,
  type: string,
  encoding: 'text' | 'base64' = 'text',
) {
  const content = encoding === 'base64' ? Uint8Array.from(atob(data), (char) => char.charCodeAt(0)) : data
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoked later, not now: the download may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
