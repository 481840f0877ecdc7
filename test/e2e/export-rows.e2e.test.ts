import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTable } from '../../electron/engine/ingest/read-table.ts'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropIntoKustomerReview } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// Exporting the review's rows to fix them in Excel: the problem rows as CSV, then every row as an
// Excel workbook, read back with Crosswalk's own reader the way the file would be dropped in again.

describe('export rows from review', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[]

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  async function exportAs(dialog: ReturnType<Page['getByRole']>, format: RegExp) {
    await dialog.getByRole('radio', { name: format }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ])
    return download
  }

  it('saves the problem rows as CSV and all rows as XLSX, with row numbers, status and problems', async () => {
    await dropIntoKustomerReview(page, 'test/fixtures/customers-10.csv')
    await expect.poll(() => page.locator('p.summary').textContent()).toBe('10 rows · 9 valid · 1 with errors')

    await page.getByRole('button', { name: 'Export rows…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export rows' })
    await dialog.waitFor()
    expect(await dialog.getByRole('radio', { name: 'Rows with errors or warnings' }).isChecked()).toBe(true)
    await page.screenshot({ path: 'test-results/e2e/export-dialog.png' })
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze()
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])

    const csv = await exportAs(dialog, /CSV/)
    expect(csv.suggestedFilename()).toMatch(/^customers-10.*\.csv$/)
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe(
      'Full name,Email,Phone,Customer ID,Tags,Loyalty tier,Crosswalk row,Crosswalk status,Crosswalk problems',
    )
    expect(lines).toHaveLength(2) // the header and the one row with an error
    expect(lines[1]).toContain('edsger@@example.com')
    expect(lines[1]).toMatch(/,6,/) // its row in the original file (the header is row 1)
    expect(lines[1]).toMatch(/not a valid email/i)
    await dialog.getByText('Exported 1 row as').waitFor()

    await dialog.getByRole('radio', { name: 'All 10 rows, with their status' }).check()
    const xlsx = await exportAs(dialog, /Excel workbook/)
    expect(xlsx.suggestedFilename()).toMatch(/^customers-10.*\.xlsx$/)
    const table = await readTable((await xlsx.path())!, new AbortController().signal, () => {})
    expect(table.format).toBe('xlsx')
    expect(table.rowCount).toBe(10)
    expect(table.headers.slice(-3)).toEqual(['Crosswalk row', 'Crosswalk status', 'Crosswalk problems'])
    const statusColumn = table.headers.indexOf('Crosswalk status')
    const statuses = Array.from({ length: 10 }, (_, row) => table.cell(row, statusColumn))
    expect(statuses.filter((status) => status !== statuses[0])).toHaveLength(1)
    await dialog.getByText('Exported 10 rows as').waitFor()
    await page.screenshot({ path: 'test-results/e2e/export-dialog-done.png' })

    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(consoleErrors).toEqual([])
  })
})
