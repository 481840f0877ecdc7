import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'
import { writeXlsx } from '../helpers/write-xlsx.ts'

// The File step with files people really have: a Polish export in Windows-1250 chosen with Browse…,
// and a PDF someone renamed to .csv. Each gets a readable answer on screen.

const SCREENSHOTS = 'test-results/e2e'

describe('reading the files people really have', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(app.url)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('reads a Windows-1250 file chosen with Browse… and says it guessed the encoding', async () => {
    await page.getByLabel('Choose a file').setInputFiles('test/fixtures/klienci-cp1250.csv')
    await page.getByText('Łucja').first().waitFor()
    await expect(page.getByText('Żak').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText('Windows-1250 (Central European)').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText('semicolon').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText(/guessed it is Windows-1250/).isVisible()).resolves.toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/file-cp1250.png`, fullPage: true })
  })

  it('can read the same file again as another encoding', async () => {
    await expect(page.getByText('Świętek').count()).resolves.toBe(1)
    await page.getByText('Read the file differently').click()
    await page.getByRole('combobox', { name: 'Encoding' }).selectOption('iso-8859-2')
    // Byte 0x8C is "Ś" in Windows-1250 but a control character in ISO-8859-2: the name must change.
    await page.locator('dd', { hasText: 'ISO-8859-2 (Central European)' }).waitFor()
    await expect(page.getByText('Świętek').count()).resolves.toBe(0)
  })

  it('explains that a PDF renamed to .csv is not a spreadsheet, and lets the user try again', async () => {
    await dropFile(
      page.getByRole('region', { name: 'Drop a spreadsheet here' }),
      'test/fixtures/report-renamed.csv',
    )
    const alert = page.getByRole('alert')
    await alert.waitFor()
    await expect(alert.textContent()).resolves.toMatch(
      /"report-renamed.csv" is a PDF document, not a spreadsheet/,
    )
    await page.screenshot({ path: `${SCREENSHOTS}/file-pdf.png`, fullPage: true })
    await page.getByLabel('Choose a file').setInputFiles('test/fixtures/customers-10.csv')
    await page.getByText('Ada Lovelace').first().waitFor()
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
  })

  it('reads an Excel workbook, shows its sheets (hidden ones marked) and switches sheet on request', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), 'klienci.xlsx')
    writeFileSync(
      path,
      writeXlsx([
        { name: 'Notes', state: 'hidden', rows: [['internal notes']] },
        {
          name: 'Customers',
          rows: [
            ['Customers — May 2024', null, null],
            ['Name', 'Phone', 'Birthday'],
            ['Łucja Wiśniewska', 48601234567, new Date(Date.UTC(1990, 3, 23))],
          ],
          merges: ['A1:C1'],
        },
        { name: 'Archive', rows: [['Email'], ['old@example.com']] },
      ]),
    )
    await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), path)
    await page.getByText('Łucja Wiśniewska').first().waitFor()
    await expect(page.locator('dd', { hasText: 'Excel workbook' }).count()).resolves.toBe(1)
    await expect(page.getByText('48601234567').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText('1990-04-23').first().isVisible()).resolves.toBe(true)
    await page.getByText('Read the file differently').click()
    const sheet = page.getByRole('combobox', { name: 'Sheet' })
    await expect(sheet.locator('option').allTextContents()).resolves.toEqual([
      'Notes (hidden)',
      'Customers',
      'Archive',
    ])
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/file-xlsx.png`, fullPage: true })
    await sheet.selectOption('Archive')
    await page.getByText('old@example.com').first().waitFor()
    await expect(page.getByText('Łucja Wiśniewska').count()).resolves.toBe(0)
  })

  it('offers a sample file to a new user, with two mistakes to find in Review', async () => {
    await page.goto(app.url)
    await page.getByRole('button', { name: 'Try a sample file' }).click()
    await page.getByText('crosswalk-sample-customers.csv').first().waitFor()
    await expect(page.locator('dd', { hasText: '50 rows' }).count()).resolves.toBe(1)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByText('Data goes to').waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page
      .getByText(/2 with errors/)
      .first()
      .waitFor()
  })
})
