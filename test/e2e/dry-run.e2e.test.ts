import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// A dry run as a person uses it: on the Upload step, Dry run checks every row against the Kustomer
// sandbox and shows what would happen, headed so nobody mistakes it for an upload; from there the
// real upload starts. It creating all nine customers afterwards shows the dry run created none.

const SCREENSHOTS = 'test-results/e2e'

describe('a dry run before uploading to the Kustomer sandbox', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900, 'light'))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('shows what would be created and skipped, sends nothing, then uploads for real', async () => {
    const dropZone = page.getByRole('region', { name: 'Drop a spreadsheet here' })
    await expect.poll(() => dropZone.isVisible()).toBe(true)
    await dropFile(dropZone, 'test/fixtures/customers-10.csv')
    await page.getByText('Ada Lovelace').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    const connection = page.getByRole('combobox', { name: 'Connection' })
    await expect
      .poll(async () => (await connection.locator('option').allTextContents()).join())
      .toMatch(/Sandbox/)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page.getByRole('button', { name: 'Continue to upload' }).click()

    const dryRun = page.getByRole('button', { name: 'Dry run' })
    await expect(dryRun.getAttribute('aria-describedby')).resolves.toBe('dry-run-hint')
    await expect(page.locator('#dry-run-hint').textContent()).resolves.toMatch(/sends nothing/)
    await dryRun.click()

    await page.getByRole('heading', { name: 'Dry run — nothing was sent' }).waitFor({ timeout: 60_000 })
    const totals = page.getByRole('status', { name: 'Dry run results' })
    await totals.getByText('9 would be created').waitFor()
    for (const text of ['0 would be updated', '1 skipped', '0 would fail']) {
      await expect(totals.getByText(text).isVisible()).resolves.toBe(true)
    }
    await expect(page.getByText(/would make 1 request to Kustomer/).isVisible()).resolves.toBe(true)
    const rows = page.getByRole('table', { name: 'Row results' })
    await expect.poll(() => rows.getByRole('row').filter({ hasText: 'Would create' }).count()).toBe(9)
    const skipped = rows.getByRole('row').filter({ hasText: /skipped/ })
    await expect.poll(async () => (await skipped.textContent()) ?? '').toMatch(/edsger@@example\.com/)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/dry-run-results-light.png`, fullPage: true })

    const { violations } = await new AxeBuilder({ page }).analyze()
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

    // The same results in Polish, switched on the spot (Thulium's users read them so), then back.
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Polski' })
    await page.getByRole('heading', { name: 'Przebieg próbny — nic nie wysłano' }).waitFor()
    const totalsPl = page.getByRole('status', { name: 'Wyniki przebiegu próbnego' })
    for (const text of ['9 do utworzenia', '0 do aktualizacji', '1 pominięty', '0 nie powiodłoby się']) {
      await expect(totalsPl.getByText(text, { exact: true }).isVisible()).resolves.toBe(true)
    }
    await expect(totalsPl.getByText('z 10 wierszy w pliku').isVisible()).resolves.toBe(true)
    await expect(page.getByText(/wysłałoby 1 żądanie do platformy Kustomer/).isVisible()).resolves.toBe(true)
    const rowsPl = page.getByRole('table', { name: 'Wyniki wierszy' })
    await expect.poll(() => rowsPl.getByRole('row').filter({ hasText: 'Do utworzenia' }).count()).toBe(9)
    // The skipped row's reason was made while the app spoke English; it is said in Polish now.
    await rowsPl.getByText(/^Nie wysłano z powodu błędu walidacji: „edsger@@example\.com”/).waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/dry-run-results-pl.png`, fullPage: true })
    await page.getByRole('combobox', { name: 'Język' }).selectOption({ label: 'English' })
    await page.getByRole('heading', { name: 'Dry run — nothing was sent' }).waitFor()

    // The Sandbox needs no confirmation; had the dry run written anything, these would be updates.
    await page.getByRole('button', { name: 'Start the upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('9 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('0 updated').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('heading', { name: 'Dry run — nothing was sent' }).count()).resolves.toBe(0)

    expect(consoleErrors).toEqual([])
  })
})
