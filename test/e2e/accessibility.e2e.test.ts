import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// axe-core on every screen of a whole import (the sample file into the Sandbox) and on the connection
// form, in the light and the dark theme: no serious or critical violation may ship.

interface Finding {
  screen: string
  rule: string
  impact: string
  targets: string[]
}

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (colorScheme) => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []
  const findings: Finding[] = []

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900, colorScheme))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  async function audit(screen: string) {
    const { violations } = await new AxeBuilder({ page }).analyze()
    for (const violation of violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
      findings.push({
        screen,
        rule: `${violation.id}: ${violation.help}`,
        impact: violation.impact,
        targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      })
    }
  }

  it('has no serious or critical violations on any screen', async () => {
    await page.getByRole('region', { name: 'Drop a spreadsheet here' }).waitFor()
    await audit('file (empty)')
    await page.getByRole('button', { name: 'Try a sample file' }).click()
    await page.getByText('crosswalk-sample-customers.csv').first().waitFor()
    await audit('file (read)')
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByText('Data goes to').waitFor()
    await audit('provider')
    await page.getByRole('button', { name: 'Add connection…' }).click()
    await page.getByRole('region', { name: 'New Kustomer connection' }).waitFor()
    await audit('connection form')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Match/ }).waitFor()
    await audit('map')
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page.locator('[aria-invalid="true"]').first().waitFor()
    await audit('review')
    await page.getByRole('button', { name: 'Continue to upload' }).click()

    await page.getByRole('button', { name: 'Start upload' }).waitFor()
    await audit('upload')
    await page.getByRole('button', { name: 'Start upload' }).click()
    await page.getByRole('status', { name: 'Upload results' }).waitFor({ timeout: 60_000 })
    await page.getByRole('table', { name: 'Row results' }).waitFor()
    await audit('results')

    expect(findings).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
