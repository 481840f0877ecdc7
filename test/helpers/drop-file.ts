import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Locator } from 'playwright-core'

/**
 * Drops a file onto an element the way a drag from the desktop does: dragenter, dragover, drop, with a
 * DataTransfer holding a real File of the fixture's bytes.
 */
export async function dropFile(target: Locator, path: string, mimeType = 'text/csv'): Promise<void> {
  const base64 = readFileSync(path).toString('base64')
  const dataTransfer = await target.page().evaluateHandle(
    ({ base64, name, mimeType }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], name, { type: mimeType }))
      return transfer
    },
    { base64, name: basename(path), mimeType },
  )
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await target.dispatchEvent(type, { dataTransfer })
  }
}
