import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/chromium.ts'
import { dropIntoKustomerReview } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// Fixing a red cell in the Review grid, as a person does it: press the value, type, Enter. The row
// becomes valid, Undo and Redo work, and the fixed value is what reaches the sandbox.

describe('fix an invalid cell in the review grid', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(app.url)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('turns the row valid, can undo and redo, and uploads the fix', async () => {
    await dropIntoKustomerReview(page, 'test/fixtures/customers-10.csv')

    const summary = page.locator('p.summary')
    await expect.poll(() => summary.textContent()).toBe('10 rows · 9 valid · 1 with errors')
    const grid = page.getByRole('table', { name: 'Review rows' })
    // The problem said in its row's words, its column counting it, and its rows shown on their own.
    await page
      .getByText('For example, row 6: "edsger@@example.com" is not a valid email address.', { exact: false })
      .waitFor()
    await expect(
      page.getByRole('columnheader', { name: 'Email, 1 row with an error' }).count(),
    ).resolves.toBe(1)
    await page.getByRole('button', { name: 'Show these rows' }).click()
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(1)
    await expect(grid.locator('tbody tr td').first().textContent()).resolves.toBe('6')
    await page.screenshot({ path: 'test-results/e2e/review-issue-shown.png', fullPage: true })
    await page.getByRole('button', { name: 'Show all rows' }).click()
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(10)
    await grid.locator('[aria-invalid="true"]').click()
    const editor = page.getByRole('textbox', { name: 'Edit Email, row 6' })
    await editor.fill('edsger@example.com')
    await editor.press('Enter')
    await expect.poll(() => summary.textContent()).toBe('10 rows · 10 valid · 0 with errors')
    await expect.poll(() => grid.locator('[aria-invalid="true"]').count()).toBe(0)
    await expect.poll(() => grid.getByText('edited').count()).toBe(1)
    // The Edited filter shows just the fixed row.
    await page.getByRole('radio', { name: /^Edited/ }).check()
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(1)
    await page.getByRole('radio', { name: /^All/ }).check()
    await page.screenshot({ path: 'test-results/e2e/review-fixed.png', fullPage: true })

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => summary.textContent()).toBe('10 rows · 9 valid · 1 with errors')
    await page.keyboard.press('Control+Y')
    await expect.poll(() => summary.textContent()).toBe('10 rows · 10 valid · 0 with errors')

    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('10 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('0 skipped').isVisible()).resolves.toBe(true)
  })

  it('keeps the editor and what was typed while the grid scrolls', async () => {
    await page.goto(app.url)
    await page.getByRole('button', { name: 'Try a sample file' }).click()
    await page.getByText('crosswalk-sample-customers.csv').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    const grid = page.getByRole('table', { name: 'Review rows' })
    const row8 = grid.locator('tr[aria-rowindex="8"]') // source row 8: the header is row 1, aria row 1 too
    await row8.locator('td').nth(2).locator('button').click()
    const editor = page.getByRole('textbox', { name: /, row 8$/ })
    await editor.fill('Typed before scrolling')
    // Four rows down, past the rows drawn above the view: the grid draws from another row on, and row
    // 8 is still on screen, so its editor (and the text in it) must be too. The grid has drawn the new
    // position once rows further down are there.
    const lastDrawn = async () =>
      Math.max(
        ...(await grid
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((tr) => Number(tr.getAttribute('aria-rowindex'))))),
      )
    const before = await lastDrawn()
    await page.locator('.table-scroll').evaluate((element) => {
      element.scrollTop += 4 * 36
    })
    await expect.poll(lastDrawn).toBeGreaterThan(before)
    await expect(editor.inputValue()).resolves.toBe('Typed before scrolling')
    await expect(editor.evaluate((input) => input === document.activeElement)).resolves.toBe(true)
    await editor.press('Enter')
    await expect.poll(() => grid.getByText('Typed before scrolling').count()).toBe(1)
  })

  it('draws every row where it belongs, scrolled part of a row or to the bottom', async () => {
    const grid = page.getByRole('table', { name: 'Review rows' })
    const scroller = page.locator('.table-scroll')
    /** Each drawn row's top less where its index puts it (rows are 36 px from the body's top): all 0. */
    const misplaced = () =>
      grid.locator('tbody').evaluate((body) => {
        const top = body.getBoundingClientRect().top
        return [...body.querySelectorAll('tr')]
          .map(
            (tr) =>
              tr.getBoundingClientRect().top - top - (Number(tr.getAttribute('aria-rowindex')) - 2) * 36,
          )
          .filter((offset) => Math.abs(offset) > 0.5)
      })
    await scroller.evaluate((element) => {
      element.scrollTop = 2.5 * 36
    })
    await expect.poll(misplaced).toEqual([])
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    await expect.poll(misplaced).toEqual([])
    // The file's last row is the last drawn, its bottom edge on the grid's.
    const rows = await page.evaluate(() =>
      Number(document.querySelector('table')?.getAttribute('aria-rowcount')),
    )
    const last = grid.locator(`tr[aria-rowindex="${rows}"]`)
    const [lastBox, scrollerBox] = await Promise.all([last.boundingBox(), scroller.boundingBox()])
    // The scroller's 1 px border is below its content.
    expect(Math.abs(lastBox!.y + lastBox!.height - (scrollerBox!.y + scrollerBox!.height - 1))).toBeLessThan(
      1,
    )
  })
})
