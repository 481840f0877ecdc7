import { mkdirSync, readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// The walking skeleton as a person uses it: drop a CSV, pick Kustomer and its Sandbox, accept the
// automatic mapping, review, upload, read the results. Real renderer, preload, handlers, engine and
// sandbox behind the web bridge; nothing faked.

const SCREENSHOTS = 'test-results/e2e'

describe('import a CSV into the Kustomer sandbox', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 860))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const shot = async (name: string) => {
    // Back to the top first: a full-page capture of a scrolled page paints the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true })
  }

  it('reports 9 created and 1 failed with Kustomer’s reason', async () => {
    // 1. File
    const dropZone = page.getByRole('region', { name: 'Drop a spreadsheet here' })
    await expect.poll(() => dropZone.isVisible()).toBe(true)
    await shot('1-empty')
    await dropFile(dropZone, 'test/fixtures/customers-10.csv')
    await page.getByText('customers-10.csv').first().waitFor()
    await page.getByText('Ada Lovelace').first().waitFor()
    await expect(
      page
        .getByText(/10 rows/)
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await shot('2-file')
    await page.getByRole('button', { name: 'Continue' }).click()

    // 2. Provider and connection
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    const connection = page.getByRole('combobox', { name: 'Connection' })
    await expect
      .poll(async () => (await connection.locator('option').allTextContents()).join())
      .toMatch(/Sandbox/)
    await shot('3-provider')
    await page.getByRole('button', { name: 'Continue' }).click()

    // 3. Map: the automatic matches are right; the loyalty column becomes a custom attribute.
    await expect.poll(() => selectedText(page, 'Full name')).toBe('Full name')
    await expect.poll(() => selectedText(page, 'Email')).toBe('Email')
    await expect.poll(() => selectedText(page, 'Phone')).toBe('Phone')
    await expect.poll(() => selectedText(page, 'External ID')).toBe('Customer ID')
    await page
      .getByRole('button', { name: /Add as custom attribute/ })
      .first()
      .click()
    await shot('4-map')
    await page.getByRole('button', { name: 'Continue' }).click()

    // 4. Review: the bad email is marked in the grid.
    const grid = page.getByRole('table', { name: 'Review rows' })
    await grid.waitFor()
    await page
      .getByText(/1 with errors/)
      .first()
      .waitFor()
    const invalidCell = grid.locator('[aria-invalid="true"]').first()
    await expect.poll(() => invalidCell.textContent()).toContain('edsger@@example.com')
    await shot('5-review')
    await page.getByRole('button', { name: 'Continue to upload' }).click()

    // 5. Upload every row, so Kustomer itself decides on the one with the bad email.
    await page.getByRole('radio', { name: /Upload all rows/ }).check()
    await page.getByRole('button', { name: 'Start upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('9 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('1 failed').isVisible()).resolves.toBe(true)
    await expect(results.getByText('0 skipped').isVisible()).resolves.toBe(true)

    const rowResults = page.getByRole('table', { name: 'Row results' })
    const failedRow = rowResults.getByRole('row').filter({ hasText: /failed/i })
    await expect.poll(() => failedRow.count()).toBe(1)
    const failedText = (await failedRow.textContent()) ?? ''
    expect(failedText).toContain('6') // source row 6: the header is row 1
    expect(failedText).toMatch(/not a valid email/i)
    await shot('6-results')

    // The row that did not go through, ready to fix in a spreadsheet: its own columns plus the reason.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download the 1 row that did not go through/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('customers-10 - not imported.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(header).toBe('Full name,Email,Phone,Customer ID,Tags,Loyalty tier,Crosswalk error')
    expect(row).toMatch(/^Edsger Dijkstra,edsger@@example\.com,.*,"?Row 6: .*not a valid email/)

    // Fix the email in Review, come back, and send only that row again.
    await page.getByRole('button', { name: /Review/ }).click()
    await grid.waitFor()
    await grid.locator('[aria-invalid="true"]').click()
    const editor = page.getByRole('textbox', { name: 'Edit Email, row 6' })
    await editor.fill('edsger@example.com')
    await editor.press('Enter')
    await page
      .getByText(/0 with errors/)
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Send it again' }).click()
    await results.getByText('1 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('0 failed').isVisible()).resolves.toBe(true)
    await expect(results.getByText('of 1 row sent again').isVisible()).resolves.toBe(true)

    expect(consoleErrors).toEqual([])
  })
})

async function selectedText(page: Page, label: string): Promise<string> {
  const select = page.getByRole('combobox', { name: label, exact: true })
  return select.evaluate((element) => {
    const option = (element as HTMLSelectElement).selectedOptions[0]
    return option ? (option.dataset['header'] ?? option.textContent ?? '') : ''
  })
}
