import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startKustomerSandbox, type KustomerSandbox } from '../../electron/engine/sandbox/kustomer/server.ts'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// A person adds their own connection: fills in the form, tests a wrong key (and reads why it fails),
// fixes it, saves, and uploads through it. The "remote" Kustomer here is a second sandbox the test
// starts with a key of its own, so the upload provably went to the address in the form.

const SCREENSHOTS = 'test-results/e2e'

describe('a saved connection', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let remote: KustomerSandbox
  let consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    remote = await startKustomerSandbox({
      secrets: { apiKey: 'staging-key-4711' },
      faults: { jobDelayMs: 20 },
    })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await remote?.close()
  })

  it('is tested, saved, chosen, and receives the upload', async () => {
    await dropFile(
      page.getByRole('region', { name: 'Drop a spreadsheet here' }),
      'test/fixtures/customers-10.csv',
    )
    await page.getByText('Ada Lovelace').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByRole('button', { name: 'Add connection…' }).click()

    const form = page.getByRole('region', { name: 'New Kustomer connection' })
    await form.getByLabel('Name', { exact: true }).fill('Staging')
    await form.getByLabel('Region').selectOption({ label: 'Europe' })
    await form.getByLabel('API key').fill('not-the-key')
    await form.getByText('Advanced').click()
    await form.getByLabel('API address (optional)').fill(remote.baseUrl)
    await form.getByRole('button', { name: 'Test connection' }).click()
    const check = form.locator('.check')
    await expect.poll(() => check.textContent()).toMatch(/^✕ .*refused the API key/)

    await form.getByLabel('API key').fill('staging-key-4711')
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => check.textContent()).toMatch(/^✓ Connected to Kustomer/)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/connection-form.png`, fullPage: true })
    await form.getByRole('button', { name: 'Save connection' }).click()

    const picker = page.getByRole('combobox', { name: 'Connection' })
    await expect
      .poll(() => picker.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text))
      .toBe('Staging')
    await page.getByText(`Data goes to ${remote.baseUrl}`).waitFor()

    // Editing never shows the saved key; leaving it blank keeps it.
    await page.getByRole('button', { name: 'Edit…' }).click()
    const edit = page.getByRole('region', { name: 'Edit “Staging”' })
    await expect(edit.getByLabel('API key').inputValue()).resolves.toBe('')
    await expect(edit.getByLabel('API key').getAttribute('placeholder')).resolves.toMatch(
      /leave blank to keep/,
    )
    await edit.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    // Staging is a real account, not the Sandbox: Crosswalk asks once more, naming where rows go.
    const confirm = page.getByRole('alertdialog', { name: 'Send 9 rows to Kustomer?' })
    await confirm.getByText(remote.baseUrl).waitFor()
    await confirm.getByRole('button', { name: 'Send 9 rows' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('9 created').waitFor({ timeout: 60_000 })
    expect(remote.customerCount()).toBe(9)
    expect(consoleErrors).toEqual([])
  })
})
