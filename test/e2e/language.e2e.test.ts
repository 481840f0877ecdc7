import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// A Polish-speaking operator switches the app to Polski in the header: the screens speak Polish at once,
// the choice survives a reload (it is kept in the settings file, not in the page), the sample file and
// the platform step read in Polish, and "Computer's language" brings the browser's English back.

const SCREENSHOTS = 'test-results/e2e'

describe('choosing the language in the header', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const htmlLang = () => page.evaluate(() => document.documentElement.lang)

  async function seriousViolations(): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).analyze()
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      )
  }

  it('switches the File step to Polish, and marks the page as Polish', async () => {
    await page.getByRole('heading', { level: 1, name: 'Choose the customer file' }).waitFor()
    await expect(htmlLang()).resolves.toBe('en')
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Polski' })

    await page.getByRole('heading', { level: 1, name: 'Wybierz plik z klientami' }).waitFor()
    await expect(htmlLang()).resolves.toBe('pl')
    await page.getByRole('region', { name: 'Upuść tutaj arkusz' }).waitFor()
    await page.getByRole('button', { name: 'Przeglądaj…' }).waitFor()
    await page.getByRole('button', { name: 'Wypróbuj plik przykładowy' }).waitFor()
    const steps = page.getByRole('navigation', { name: 'Kroki' }).getByRole('button')
    await expect(steps.allTextContents()).resolves.toEqual([
      '1Plik',
      '2Platforma',
      '3Mapowanie',
      '4Sprawdzenie',
      '5Przesyłanie',
    ])
    await expect(page.getByText('Choose the customer file').count()).resolves.toBe(0)
    await page.screenshot({ path: `${SCREENSHOTS}/language-file-pl.png`, fullPage: true })
  })

  it('is still Polish after a reload: the choice is remembered in the settings', async () => {
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Wybierz plik z klientami' }).waitFor()
    await expect(htmlLang()).resolves.toBe('pl')
    const picker = page.getByRole('combobox', { name: 'Język' })
    await expect(picker.inputValue()).resolves.toBe('pl')
  })

  it('reads the sample file and shows the platform step in Polish', async () => {
    await page.getByRole('button', { name: 'Wypróbuj plik przykładowy' }).click()
    await page.getByText('crosswalk-sample-customers.csv').first().waitFor()
    await page.getByRole('heading', { level: 2, name: 'Co Crosswalk znalazł w pliku' }).waitFor()
    await expect(page.locator('dd', { hasText: '50 wierszy' }).count()).resolves.toBe(1)
    await expect(page.locator('dd', { hasText: 'przecinek' }).count()).resolves.toBe(1)
    await page.getByRole('heading', { level: 2, name: 'Podgląd' }).waitFor()
    await page.getByRole('table', { name: /^Pierwszych 20 wierszy pliku/ }).waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/language-found-pl.png`, fullPage: true })
    await expect(seriousViolations()).resolves.toEqual([])

    await page.getByRole('button', { name: 'Dalej' }).click()
    await page.getByRole('heading', { level: 1, name: 'Wybierz platformę' }).waitFor()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByText('Dane trafią do').waitFor()
    const picker = page.getByRole('combobox', { name: 'Połączenie' })
    await expect(
      picker.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text),
    ).resolves.toBe('Sandbox (lokalna kopia platformy Kustomer na tym komputerze)')
    await page.getByRole('button', { name: 'Sprawdź połączenie' }).waitFor()
    await page.getByRole('button', { name: 'Wstecz' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/language-provider-pl.png`, fullPage: true })

    await page.getByRole('button', { name: 'Dodaj połączenie…' }).click()
    const form = page.getByRole('region', { name: 'Nowe połączenie: Kustomer' })
    await form.getByRole('textbox', { name: 'Nazwa', exact: true }).waitFor()
    await form.getByRole('combobox', { name: 'Region' }).waitFor()
    await expect(form.getByRole('option', { name: 'Europa' }).count()).resolves.toBe(1)
    await page.screenshot({ path: `${SCREENSHOTS}/language-connection-pl.png`, fullPage: true })
    await expect(seriousViolations()).resolves.toEqual([])
    await form.getByRole('button', { name: 'Anuluj' }).click()
  })

  it("goes back to the computer's language, and stays there after a reload", async () => {
    // The picker speaks Polish too: its first choice is the computer's language, named in its own words.
    const picker = page.getByRole('combobox', { name: 'Język' })
    await expect(picker.locator('option[value="system"]').textContent()).resolves.toBe(
      'Język komputera (English)',
    )
    await picker.selectOption('system')
    await page.getByRole('heading', { level: 1, name: 'Choose the platform' }).waitFor()
    await expect(htmlLang()).resolves.toBe('en')
    await page.getByText('Data goes to').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/language-provider-en.png`, fullPage: true })

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Choose the customer file' }).waitFor()
    await expect(htmlLang()).resolves.toBe('en')
    await expect(page.getByRole('combobox', { name: 'Language' }).inputValue()).resolves.toBe('system')
    expect(consoleErrors).toEqual([])
  })
})
