import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropIntoKustomerReview } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// Phone numbers written the local way are refused by Kustomer (E.164). The review step offers the fix
// for all those rows at once: read them as numbers of a chosen country. The rows then pass.

const SCREENSHOTS = 'test-results/e2e'

describe('the suggested phone fix in review', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page } = await openAppPage(browser, app.url, 900))
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
  it('reads local numbers for the chosen country on every row, and they pass', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cw-')), 'klanten.csv')
    writeFileSync(
      file,
      'External ID;Full name;Phone\nK-1;Jan de Vries;601 234 567\nK-2;Sanne Berg;602 345 678\n',
    )
    await dropIntoKustomerReview(page, file, 'Jan de Vries')
    await page.getByRole('table', { name: 'Review rows' }).waitFor()
    await page.getByText('2 rows · 0 valid · 2 with errors').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/review-phone-fix.png` })
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    await page.getByLabel('Numbers without a country code are from').selectOption('PL')
    await page.getByRole('button', { name: 'Apply to 2 rows' }).click()
    await page.getByText('2 rows · 2 valid · 0 with errors').waitFor()
    await page.getByText('+48601234567').waitFor()
  })
})
