// Copies the screenshots the end-to-end run took (test-results/e2e) into docs/screenshots for the
// README, so the pictures always show the app as it is. Run after `npm test` or `npm run test:e2e`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'

const PICKS: Record<string, string> = {
  '1-empty.png': 'file-step.png',
  '4-map.png': 'map-step.png',
  '5-review.png': 'review-step.png',
  '6-results.png': 'results.png',
  'connection-form.png': 'connection-form.png',
  'file-xlsx.png': 'file-xlsx.png',
  'resume-offer.png': 'resume-offer.png',
  'transforms-identity-light.png': 'map-transforms.png',
  'columns-panel-list-light.png': 'map-columns.png',
  'payload-preview-light.png': 'map-payload.png',
  'review-duplicates.png': 'review-duplicates.png',
  'dry-run-results-light.png': 'dry-run.png',
  'export-dialog-done.png': 'review-export.png',
  'language-provider-pl.png': 'provider-polish.png',
}

mkdirSync('docs/screenshots', { recursive: true })
let missing = 0
for (const [from, to] of Object.entries(PICKS)) {
  const source = `test-results/e2e/${from}`
  if (!existsSync(source)) {
    console.error(`missing ${source}: run the end-to-end tests first`)
    missing++
    continue
  }
  copyFileSync(source, `docs/screenshots/${to}`)
  console.log(`docs/screenshots/${to}`)
}
process.exit(missing === 0 ? 0 : 1)
