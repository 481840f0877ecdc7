// Renders the app icon (renderer/public/icon.svg) to build/icon.png at 1024×1024 with the same Debian
// Chromium the tests use; electron-builder derives every platform's sizes (.ico, .icns, Linux set)
// from that one PNG. Run after changing the SVG: node scripts/render-icon.ts
import { readFileSync } from 'node:fs'
import { launchChromium } from '../test/helpers/chromium.ts'

const svg = readFileSync('renderer/public/icon.svg', 'utf8')
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`,
)
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true })
await browser.close()
console.log('build/icon.png')
