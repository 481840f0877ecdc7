import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// A messy Polish export into Propeller's sandbox: one full-name column split into first and last
// name, local phone numbers, genders in Polish, dates that read two ways. Everything is fixed on the
// mapping screen, seen in the panels' previews, and uploaded without a failed row.

const SCREENSHOTS = 'test-results/e2e'
const CSV = [
  'Customer ID;Imię i nazwisko;Telefon;Płeć;Data urodzenia',
  'K-1;Anna Nowak;601 234 567;Kobieta;03.04.1990',
  'K-2;Jan  Kowalski;+48 602 345 678;Mężczyzna;12.05.1985',
  'K-3;Maria Anna Wiśniewska;0048 603 456 789;K;05.06.1978',
].join('\n')

describe('transforms on the mapping screen', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []
  let file: string

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    file = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), 'klienci.csv')
    writeFileSync(file, CSV)
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const panelOf = (label: string) => page.getByRole('group', { name: `How ${label} is sent` })
  const openPanel = async (label: string) => {
    await page.getByRole('button', { name: `Change… how ${label} is sent` }).click()
    await panelOf(label).waitFor()
    return panelOf(label)
  }

  it('fixes names, phones, genders and dates before the upload', async () => {
    await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), file)
    await page.getByText('Anna Nowak').first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Propeller/ }).check()
    await page.getByText('Data goes to').waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Match/ }).waitFor()

    // One column feeds two fields.
    await page.getByRole('combobox', { name: 'First name', exact: true }).selectOption('1')
    await page.getByRole('combobox', { name: 'Last name', exact: true }).selectOption('1')
    await page.getByRole('combobox', { name: 'Phone', exact: true }).selectOption('2')
    await page.getByRole('combobox', { name: 'Gender', exact: true }).selectOption('3')
    await page.getByRole('combobox', { name: 'Date of birth', exact: true }).selectOption('4')

    const first = await openPanel('First name')
    await first.getByLabel('Take a part of a name').selectOption('allButLast')
    await first.getByLabel('Tidy spaces', { exact: false }).check()
    await first.getByRole('cell', { name: 'Maria Anna', exact: true }).waitFor()
    const last = await openPanel('Last name')
    await last.getByLabel('Take a part of a name').selectOption('last')
    await last.getByRole('cell', { name: 'Wiśniewska', exact: true }).waitFor()

    // The dates read two ways: nothing is guessed, the screen asks.
    await page.getByText('1 field needs your decision: Date of birth').waitFor()
    await page.getByText(/These dates can be read two ways/).waitFor()

    const phone = await openPanel('Phone')
    await phone.getByLabel('Numbers without a country code are from').selectOption('PL')
    await phone.getByRole('cell', { name: '+48601234567' }).waitFor()
    const gender = await openPanel('Gender')
    await expect(gender.getByLabel('Send “Kobieta” as').inputValue()).resolves.toBe('F')
    await expect(gender.getByLabel('Send “K” as').inputValue()).resolves.toBe('F')
    await expect(gender.getByLabel('Send “Mężczyzna” as').inputValue()).resolves.toBe('M')

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/transforms-light.png`, fullPage: true })
    const identity = page.locator('fieldset', { has: page.getByText('Identity', { exact: true }) })
    const contact = page.locator('fieldset', { has: page.getByText('Contact', { exact: true }) })
    await identity.screenshot({ path: `${SCREENSHOTS}/transforms-identity-light.png` })
    await contact.screenshot({ path: `${SCREENSHOTS}/transforms-contact-light.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SCREENSHOTS}/transforms-dark.png`, fullPage: true })
    await identity.screenshot({ path: `${SCREENSHOTS}/transforms-identity-dark.png` })
    await page.emulateMedia({ colorScheme: 'light' })
    const { violations } = await new AxeBuilder({ page }).include('.field-group').analyze()
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])

    await page.getByLabel('Order of day and month in Date of birth').selectOption('DMY')
    await expect(page.getByText(/needs your decision/).count()).resolves.toBe(0)
    await page.getByText('Dates read day first').waitFor()

    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    const review = page.getByRole('table', { name: 'Review rows' })
    await review.waitFor()
    await review.getByText('1990-04-03').waitFor()
    await page.getByRole('button', { name: 'Continue to upload' }).click()
    await page.getByRole('button', { name: 'Start upload' }).click()
    const results = page.getByRole('status', { name: 'Upload results' })
    await results.getByText('3 created').waitFor({ timeout: 60_000 })
    await expect(results.getByText('0 failed').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/transforms-results.png`, fullPage: true })
    expect(consoleErrors).toEqual([])
  })
})
