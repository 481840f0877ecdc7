import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startKustomerSandbox, type KustomerSandbox } from '../../electron/engine/sandbox/kustomer/server.ts'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// A key that was revoked (or mistyped) meets the upload: it pauses and says why, the person puts the
// right key in the connection right there, presses Continue, and every row arrives.

const SCREENSHOTS = 'test-results/e2e'

describe('an upload whose key is refused', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let remote: KustomerSandbox
  let consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    remote = await startKustomerSandbox({ secrets: { apiKey: 'staging-key-4711' } })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await remote?.close()
  })

  it('pauses with the reason, takes the new key, and continues to the end', async () => {
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
    await form.getByLabel('API key').fill('a-key-that-was-revoked')
    await form.getByText('Advanced').click()
    await form.getByLabel('API address (optional)').fill(remote.baseUrl)
    await form.getByRole('button', { name: 'Save connection' }).click()
    await page.getByText(`Data goes to ${remote.baseUrl}`).waitFor()

    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    await page
      .getByRole('alertdialog', { name: 'Send 9 rows to Kustomer?' })
      .getByRole('button', { name: 'Send 9 rows' })
      .click()

    await page.getByText('The upload is paused').waitFor({ timeout: 30_000 })
    await page.getByText(/Kustomer refused the API key/).waitFor()
    expect(remote.customerCount()).toBe(0)
    await page.screenshot({ path: `${SCREENSHOTS}/upload-refused-key.png`, fullPage: true })
    const audit = await new AxeBuilder({ page }).analyze()
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])

    await page.getByRole('button', { name: 'Update “Staging”…' }).click()
    const edit = page.getByRole('region', { name: 'Edit “Staging”' })
    await edit.getByLabel('API key').fill('staging-key-4711')
    await edit.getByRole('button', { name: 'Save connection' }).click()
    await page
      .getByText('Saved. Press Continue to send the rest of the rows with the new credentials.')
      .waitFor()
    await page.getByRole('button', { name: 'Continue', exact: true }).click()

    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('9 created').waitFor({ timeout: 60_000 })
    expect(remote.customerCount()).toBe(9)
    expect(consoleErrors).toEqual([])
  })
})
