import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage } from '../helpers/chromium.ts'
import { dropFile } from '../helpers/drop-file.ts'
import { startWebApp, type RunningWebApp } from '../helpers/web-app.ts'

// The file's side of the mapping screen in Chromium: the column list counted by the engine over the
// whole file, a column dragged with the mouse onto a field, another mapped from the keyboard only.

const SCREENSHOTS = 'test-results/e2e'
const ROWS = 120
const CSV = [
  'Customer,E-mail,Backup address,Comment,Nothing',
  ...Array.from({ length: ROWS }, (_, row) =>
    [
      `Customer ${row + 1}`,
      `customer${row + 1}@example.com`,
      // Every fourth customer has a second address: 25% filled.
      row % 4 === 0 ? `backup${row + 1}@example.org` : '',
      row % 2 === 0 ? 'vip' : 'newsletter',
      '',
    ].join(','),
  ),
].join('\n')

describe('the column list on the mapping screen', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let consoleErrors: string[] = []
  let file: string

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    file = join(mkdtempSync(join(tmpdir(), 'crosswalk-e2e-')), 'customers.csv')
    writeFileSync(file, CSV)
    app = await startWebApp()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openAppPage(browser, app.url, 900))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const panel = () => page.getByRole('complementary', { name: 'Your columns' })
  const columnItem = (header: string) =>
    panel()
      .getByRole('listitem')
      .filter({ has: page.getByText(header, { exact: true }) })
  const fieldSelect = (label: string) => page.getByRole('combobox', { name: label, exact: true })
  const fieldRow = (label: string) => page.locator('.field-row', { has: fieldSelect(label) })

  it('drags a column onto a field, maps another by keyboard, and passes axe in both themes', async () => {
    await dropFile(page.getByRole('region', { name: 'Drop a spreadsheet here' }), file)
    await page.getByText('Customer 1', { exact: true }).first().waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('radio', { name: /Kustomer/ }).check()
    await page.getByText('Data goes to').waitFor()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Match/ }).waitFor()

    // Counted by the engine over all 120 rows, not the 50 the screen samples.
    await panel().getByText(`5 columns · ${ROWS} rows`, { exact: false }).waitFor()
    const backup = columnItem('Backup address')
    await backup.getByText('25% filled').waitFor()
    await expect(backup.getByText('email addresses').count()).resolves.toBe(1)
    await expect(columnItem('Nothing').getByText('empty', { exact: true }).count()).resolves.toBe(1)
    await expect(columnItem('E-mail').getByText('→ Email').count()).resolves.toBe(1)

    // Drag with the mouse, stopping over the field to see it highlighted.
    await expect(fieldSelect('Second email').inputValue()).resolves.not.toBe('2')
    const target = fieldRow('Second email')
    await target.scrollIntoViewIfNeeded()
    await backup.getByText('Backup address', { exact: true }).hover()
    await page.mouse.down()
    const box = await target.boundingBox()
    if (!box) throw new Error('the Second email field is not on screen')
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 10 })
    await target.getByText('Drop to send this column as Second email').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/columns-panel-dragging.png` })
    await page.mouse.up()
    await expect(fieldSelect('Second email').inputValue()).resolves.toBe('2')
    await backup.getByText('→ Second email').waitFor()
    await expect(target.getByText(/Drop to send/).count()).resolves.toBe(0)

    // The keyboard only: Tab to "Map to…", Enter, choose, Tab to Map, Enter.
    await expect(fieldSelect('Tags').inputValue()).resolves.not.toBe('3')
    await page.getByRole('button', { name: 'Map to… (Comment)' }).focus()
    await page.keyboard.press('Enter')
    const choice = page.getByRole('combobox', { name: 'Send “Comment” as' })
    await expect(choice.evaluate((element) => element === document.activeElement)).resolves.toBe(true)
    await choice.selectOption({ label: 'Tags' })
    await columnItem('Comment').screenshot({ path: `${SCREENSHOTS}/columns-panel-map-to.png` })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(fieldSelect('Tags').inputValue()).resolves.toBe('3')
    await columnItem('Comment').getByText('→ Tags').waitFor()
    const focused = await page.evaluate(() => document.activeElement?.textContent)
    expect(focused).toBe('Map to… (Comment)')

    // Wide window: the columns stay in view while the fields scroll.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/columns-panel-light.png`, fullPage: true })
    await panel().screenshot({ path: `${SCREENSHOTS}/columns-panel-list-light.png` })
    await fieldSelect('Tags').scrollIntoViewIfNeeded()
    const stuck = await panel().boundingBox()
    expect(stuck && stuck.y >= 0 && stuck.y < 200).toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/columns-panel-scrolled-light.png` })
    const { violations } = await new AxeBuilder({ page }).include('.mapping-sides').analyze()
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])

    await page.emulateMedia({ colorScheme: 'dark' })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SCREENSHOTS}/columns-panel-dark.png`, fullPage: true })
    await panel().screenshot({ path: `${SCREENSHOTS}/columns-panel-list-dark.png` })
    const dark = await new AxeBuilder({ page }).include('.mapping-sides').analyze()
    expect(dark.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })

    // Narrow window: the columns come first, above the fields.
    await page.setViewportSize({ width: 800, height: 900 })
    const columnsBox = await panel().boundingBox()
    const fieldsBox = await page.locator('.mapping-fields').boundingBox()
    expect(columnsBox && fieldsBox && columnsBox.y + columnsBox.height <= fieldsBox.y).toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/columns-panel-narrow.png` })
    expect(consoleErrors).toEqual([])
  })
})
