import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// Next month's export has its columns in another order and spelled a little differently: the
// mapping saved last month still applies, by column name.

describe('a saved mapping', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []
  let nextMonth: string

  beforeAll(async () => {
    mkdirSync('test-results/e2e', { recursive: true })
    nextMonth = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), 'customers-december.csv')
    writeFileSync(
      nextMonth,
      'loyalty tier,Customer ID,E-mail,Full Name,Phone,Tags\ngold,CRM-2001,grace@example.com,Grace Hopper,+1 555 0100,vip\n',
    )
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('is saved on one file and applied to the next, by column name', async () => {
    await dropFile(
      page.getByRole('region', { name: 'Drop a spreadsheet here' }),
      'test/fixtures/customers-10.csv',
    )
    await page.getByText('Ada Lovelace').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByText('Data goes to').waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page
      .getByRole('button', { name: /Add as custom attribute/ })
      .first()
      .click()
    await page.getByLabel('Save this mapping as').fill('CRM export')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText('Saved this mapping as “CRM export”.').waitFor()

    await page.getByRole('button', { name: /File/ }).first().click()
    await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), nextMonth)
    await page.getByText('Grace Hopper').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    const custom = page.locator('.custom-row', { hasText: 'loyalty tier' })
    await expect(custom.count()).resolves.toBe(0) // automatic matching knows no such field
    await page.getByLabel('Saved mappings').selectOption('CRM export')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByText('Applied “CRM export”.').waitFor()
    await expect(custom.count()).resolves.toBe(1)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/e2e/map-template.png', fullPage: true })
    expect(consoleErrors).toEqual([])
  })
})
