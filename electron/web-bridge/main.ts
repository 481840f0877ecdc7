import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Engine } from '../engine/engine.ts'
import { workerPathFor } from '../engine/worker-path.ts'
import { startWebBridge } from './server.ts'

// `npm run web`: the whole app in a browser, backed by the real engine on this computer.

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, json: { type: 'boolean', default: false } },
})

const uploadDir = mkdtempSync(join(tmpdir(), 'crosswalk-web-'))
const engine = new Engine({ workerPath: workerPathFor(import.meta.url) })
const bridge = await startWebBridge({
  engine,
  rendererDir: join(here, '../renderer'),
  preloadPath: join(here, '../web/preload.js'),
  uploadDir,
  port: Number(values.port),
})

if (values.json) {
  console.log(JSON.stringify({ url: bridge.url }))
} else {
  console.log(
    `Crosswalk is running at:\n\n  ${bridge.url}\n\nOpen that link in Chrome or Chromium. Press Ctrl+C to stop.`,
  )
}

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await bridge.close()
  await engine.close()
  rmSync(uploadDir, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
