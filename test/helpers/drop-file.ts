import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Locator, Page } from 'playwright-core'

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

/**
 * The way to Review most end-to-end tests take: drop a file on the first screen, wait for its first
 * customer (`firstCustomer`, Ada Lovelace in the fixtures) in the preview, choose Kustomer (its
 * Sandbox), keep the automatic mapping, and arrive in Review.
 */
export async function dropIntoKustomerReview(
  page: Page,
  fixture: string,
  firstCustomer = 'Ada Lovelace',
): Promise<void> {
  await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), fixture)
  await page.getByText(firstCustomer).first().waitFor()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('radio', { name: /Kustomer/ }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
}
