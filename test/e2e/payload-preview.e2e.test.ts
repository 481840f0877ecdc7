import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { tempFiles } from '../helpers/temp-files.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// "What will be sent" on the mapping screen, as a person sees it: the first rows' Kustomer bulk items
// built by the real shared builders, a row with a bad email flagged, and the JSON following a mapping
// change. Screenshots in light and dark theme.

const SCREENSHOTS = 'test-results/e2e'

const CSV = [
  'Full name,Email,Phone,Customer ID',
  'Ada Lovelace,ada@example.com,+44 20 7946 0001,CRM-1001',
  'Alan Turing,alan(at)example.com,+44 20 7946 0002,CRM-1002',
  'Grace Hopper,grace@example.com,+1 415 555 0103,CRM-1003',
  'Katherine Johnson,katherine@example.com,+1 415 555 0104,CRM-1004',
].join('\n')

describe('the payload preview on the mapping screen', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []
  const files = tempFiles()

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    files.cleanup()
  })

  it('shows the first three rows’ Kustomer items and follows the mapping', async () => {
    const dropZone = page.getByRole('region', { name: 'Drop a spreadsheet here' })
    await expect.poll(() => dropZone.isVisible()).toBe(true)
    await dropFile(dropZone, files.write('preview.csv', CSV))
    await page.getByText('Ada Lovelace').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    const connection = page.getByRole('combobox', { name: 'Connection' })
    await expect
      .poll(async () => (await connection.locator('option').allTextContents()).join())
      .toMatch(/Sandbox/)
    await page.getByRole('button', { name: 'Continue' }).click()

    const toggle = page.getByRole('button', { name: /What will be sent — first 3 rows/ })
    await toggle.waitFor()
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false')
    await toggle.click()
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true')

    const row2 = page.getByLabel('What is sent for row 2')
    await expect.poll(() => row2.textContent()).toContain('"name": "Ada Lovelace"')
    const body = JSON.parse((await row2.textContent()) ?? '') as Record<string, unknown>[]
    expect(body).toEqual([
      {
        _clientRef: 'row-2',
        name: 'Ada Lovelace',
        externalId: 'CRM-1001',
        emails: [{ email: 'ada@example.com' }],
        phones: [{ phone: '+442079460001' }],
      },
    ])
    await page.getByRole('heading', { name: 'Row 4' }).waitFor()
    const row3 = page.getByRole('article', { name: 'Row 3' })
    await expect(row3.getByText(/Not sent as it is/).isVisible()).resolves.toBe(true)
    await expect(page.getByText('POST /v1/customers/bulk (JSON)').count()).resolves.toBe(3)

    // A full-page capture from the top, cut to the section: an element capture scrolls the section
    // under the sticky header.
    await page.evaluate(() => window.scrollTo(0, 0))
    const clip = await page.locator('section.payload-preview').boundingBox()
    expect(clip).not.toBeNull()
    await page.screenshot({ path: `${SCREENSHOTS}/payload-preview-light.png`, fullPage: true, clip: clip! })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SCREENSHOTS}/payload-preview-dark.png`, fullPage: true, clip: clip! })
    await page.emulateMedia({ colorScheme: 'light' })

    // The phone column is no longer sent: the items follow without a reload.
    await page.getByRole('combobox', { name: 'Phone', exact: true }).selectOption({ index: 0 })
    await expect.poll(() => row2.textContent()).not.toContain('phones')
    expect(consoleErrors).toEqual([])
  })
})
