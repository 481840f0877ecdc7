import { existsSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { launchChromium } from '../test/helpers/chromium.ts'
import { startWebApp } from '../test/helpers/web-app.ts'
import { benchCsv } from './generate-csv.ts'

/**
 * For the benches that drive the real app: the built app through the web bridge in Chromium, on its
 * first screen, with the bench CSV of `rows` rows ready to choose. Everything is stopped afterwards.
 */
export async function withAppPage<T>(
  rows: number,
  run: (page: Page, csvPath: string) => Promise<T>,
): Promise<T> {
  if (!existsSync('out/node/web.js')) throw new Error('run "npm run build" before the UI bench')
  const path = benchCsv(rows)
  const app = await startWebApp()
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(app.url)
    await page.getByRole('region', { name: 'Drop a spreadsheet here' }).waitFor()
    return await run(page, path)
  } finally {
    await browser.close()
    await app.stop()
  }
}
