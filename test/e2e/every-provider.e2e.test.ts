import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProviderId } from '#shared/ids.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { sampleCustomers, tableAsCsv } from '#shared/samples/sample-customers.ts'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// The same spreadsheet into every provider's sandbox through the real UI: pick the platform, accept
// the automatic mapping, review, upload, read the totals. Screenshots of each mapping step show the
// provider's own fields (Thulium's with their Polish names).

const SCREENSHOTS = 'test-results/e2e'
const ROWS = 25

describe('the sample spreadsheet into every provider', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let file: string
  let consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const table = sampleCustomers(ROWS, 7)
    file = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), 'customers.csv')
    writeFileSync(file, tableAsCsv(table))
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it.each(ProviderId.options)('uploads to the %s sandbox', async (providerId) => {
    const provider = PROVIDERS[providerId]
    await page.goto(app.url)
    await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), file)
    await page.getByText(`${ROWS} rows`).first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: new RegExp(provider.displayName) }).check()
    await page.getByText('Data goes to').waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Match/ }).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/map-${providerId}.png`, fullPage: true })
    if (provider.nativeLanguage) {
      await expect(
        page.locator(`.native-label[lang="${provider.nativeLanguage}"]`).count(),
      ).resolves.toBeGreaterThan(0)
    }
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText(`${ROWS} created`).waitFor({ timeout: 60_000 })
    await expect(results.getByText('0 failed').isVisible()).resolves.toBe(true)
    expect(consoleErrors).toEqual([])
  })
})
