import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
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
    // The saved mapping fits this file, so it is offered; here the user picks it from the list instead.
    await page.getByRole('region', { name: 'Suggested template' }).waitFor()
    await page.getByRole('button', { name: 'Not now' }).click()
    await page.getByLabel('Saved mappings').selectOption('CRM export')
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.getByText('Applied “CRM export”.').waitFor()
    await expect(custom.count()).resolves.toBe(1)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/e2e/map-template.png', fullPage: true })
    expect(consoleErrors).toEqual([])
  })

  it('is exported to a file, deleted, imported back, and offered when the next file fits', async () => {
    // Still on the Map step of next month's file, with “CRM export” saved.
    await page.getByLabel('Saved mappings').selectOption('CRM export')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export to file' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('CRM export.json')
    const exported = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), download.suggestedFilename())
    copyFileSync((await download.path())!, exported)
    const file = JSON.parse(readFileSync(exported, 'utf8'))
    expect(file).toMatchObject({ format: 'crosswalk.mapping-template', version: 1, name: 'CRM export' })
    expect(file.providerId).toBe('kustomer')

    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('button', { name: 'Delete it' }).click()
    await page.getByText('Deleted the template “CRM export”.').waitFor()
    await expect(page.getByLabel('Saved mappings').count()).resolves.toBe(0)

    await page.getByLabel('Template file to import').setInputFiles(exported)
    await page.getByText('Imported “CRM export” from “CRM export.json”').waitFor()
    await expect(page.getByLabel('Saved mappings').inputValue()).resolves.toBe('CRM export')
    // The same file again: the name is taken, so the user is asked.
    await page.getByLabel('Template file to import').setInputFiles(exported)
    await page.getByRole('button', { name: 'Keep both (as “CRM export (2)”)' }).click()
    await page.getByText('Imported “CRM export (2)” from “CRM export.json”').waitFor()

    // A file that is not a template is refused with the reason.
    const notTemplate = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), 'notes.json')
    writeFileSync(notTemplate, '{"hello": "world"}')
    await page.getByLabel('Template file to import').setInputFiles(notTemplate)
    await page.getByText('“notes.json” is not a Crosswalk mapping template.').waitFor()

    // Next month again: the imported template is offered as soon as the Map step opens.
    await page.getByRole('button', { name: /File/ }).first().click()
    await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), nextMonth)
    await page.getByText('Grace Hopper').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    const offer = page.getByRole('region', { name: 'Suggested template' })
    await offer.getByText('Your template ‘CRM export’ fits this file (6 of 6 columns). Apply it?').waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/e2e/map-template-offer.png', fullPage: true })
    const custom = page.locator('.custom-row', { hasText: 'loyalty tier' })
    await expect(custom.count()).resolves.toBe(0)
    await offer.getByRole('button', { name: 'Apply' }).click()
    await page.getByText('Applied “CRM export”.').waitFor()
    await expect(offer.count()).resolves.toBe(0)
    await expect(custom.count()).resolves.toBe(1)
    await page.screenshot({ path: 'test-results/e2e/map-template-offer-applied.png', fullPage: true })
    expect(consoleErrors).toEqual([])
  })
})
