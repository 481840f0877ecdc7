import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

// Debian's Chromium (installed by .ci/run); Playwright's own browser download cannot work here.
const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => Boolean(path),
)

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((path) => existsSync(path))
  if (!executablePath) {
    throw new Error(
      'Chromium was not found. Install it with "apt-get install chromium" (bash .ci/run does this).',
    )
  }
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true })
}

/**
 * A page of the app at `url`, in a 1280-wide window, collecting every console error and uncaught page
 * error: a test ends by expecting that list to be empty.
 */
export async function openAppPage(
  browser: Browser,
  url: string,
  height = 860,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; consoleErrors: string[] }> {
  // A page in its own context (not browser.newPage()), which axe-core's Playwright runner requires.
  const context = await browser.newContext({ viewport: { width: 1280, height }, colorScheme })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  await page.goto(url)
  return { page, consoleErrors }
}
