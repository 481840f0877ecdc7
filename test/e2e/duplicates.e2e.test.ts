import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/chromium.ts'
import { dropIntoKustomerReview } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// Leaving a row out and keeping the first of two rows for the same customer, as a person does it in
// the Review step; the upload to the sandbox then skips both with the reason.

describe('exclude a row and keep the first of a duplicate pair', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    await page.goto(app.url)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('skips the excluded row and the later duplicate at upload, saying why', async () => {
    await dropIntoKustomerReview(page, 'test/fixtures/customers-duplicates.csv')

    const panel = page.getByRole('region', { name: /appears more than once/ })
    await expect
      .poll(() => panel.getByRole('heading').textContent())
      .toBe('1 customer appears more than once (2 rows) by External ID or Email')
    await panel.getByRole('radio', { name: /Keep the first row/ }).click()
    const grid = page.getByRole('table', { name: 'Review rows' })
    await expect.poll(() => grid.getByText('Duplicate of row 2').count()).toBe(1)

    // Leave the test row out, with the keyboard: focus its checkbox and press Space.
    const send = grid.getByRole('checkbox', { name: 'Send row 6' })
    await send.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => send.isChecked()).toBe(false)
    await expect.poll(() => page.getByRole('radio', { name: /^Excluded \(1\)/ }).count()).toBe(1)
    await page.screenshot({ path: 'test-results/e2e/review-duplicates.png', fullPage: true })

    await page.getByRole('radio', { name: /^Duplicates/ }).check()
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(2)
    await page.getByRole('radio', { name: /^All/ }).check()

    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('3 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('2 skipped').isVisible()).resolves.toBe(true)
    await expect.poll(() => page.getByText('Excluded in review').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByText('Duplicate of row 2').count()).toBeGreaterThan(0)
    await page.screenshot({ path: 'test-results/e2e/upload-duplicates.png', fullPage: true })
  })
})
