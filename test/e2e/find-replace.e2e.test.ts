import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/chromium.ts'
import { dropIntoKustomerReview } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// Find & replace in a column, as a person does it on the review step: open the panel, pick the
// column, type what to find and what to put instead, see the count, replace. The bad row turns valid,
// Undo puts it back as one step, and the replaced value is what reaches the sandbox.

describe('find & replace in the review step', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    // A context of its own: axe opens a page beside this one to collect its results.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    await page.goto(app.url)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  /** Serious or critical axe findings on the page as it is now. */
  async function axeFindings(): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).analyze()
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      )
  }

  it('replaces a bad value in a column, can undo it, and uploads the fix', async () => {
    await dropIntoKustomerReview(page, 'test/fixtures/customers-10.csv')

    const summary = page.locator('p.summary')
    await expect.poll(() => summary.textContent()).toBe('10 rows · 9 valid · 1 with errors')
    const toggle = page.getByRole('button', { name: 'Find & replace' })
    await toggle.click()
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true')
    const panel = page.getByRole('form', { name: 'Find and replace' })
    const column = panel.getByRole('combobox', { name: 'Column' })
    await column.selectOption({
      label: await panel.getByRole('option', { name: /column “Email”/ }).innerText(),
    })
    await panel.getByRole('textbox', { name: 'Find' }).fill('@@')
    await panel.getByRole('textbox', { name: 'Replace with' }).fill('@')
    await panel.getByText('1 cell in “Email” matches').waitFor()
    await panel.getByText('edsger@@example.com').waitFor()
    await page.screenshot({ path: 'test-results/e2e/find-replace-preview.png', fullPage: true })
    expect(await axeFindings()).toEqual([])

    await panel.getByRole('button', { name: 'Replace in 1 cell' }).click()
    await expect.poll(() => summary.textContent()).toBe('10 rows · 10 valid · 0 with errors')
    await page.getByText('Replaced in 1 cell of “Email”.').waitFor()
    const grid = page.getByRole('table', { name: 'Review rows' })
    await expect.poll(() => grid.getByText('edsger@example.com').count()).toBe(1)
    await expect.poll(() => grid.locator('[aria-invalid="true"]').count()).toBe(0)
    await page.getByRole('radio', { name: /^Edited \(1\)/ }).waitFor()
    await page.screenshot({ path: 'test-results/e2e/find-replace-done.png', fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/e2e/find-replace-done-dark.png', fullPage: true })
    expect(await axeFindings()).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })

    // Undo in the message takes the whole replace back; Ctrl+Y does it again.
    await page.locator('p.find-replace-done').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => summary.textContent()).toBe('10 rows · 9 valid · 1 with errors')
    await page.getByRole('heading', { name: 'Review what will be sent' }).click()
    await page.keyboard.press('Control+Y')
    await expect.poll(() => summary.textContent()).toBe('10 rows · 10 valid · 0 with errors')

    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('10 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('0 skipped').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: 'test-results/e2e/find-replace-uploaded.png', fullPage: true })
  })
})
