import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

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
