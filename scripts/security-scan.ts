// `npm test`'s security scan: @doyensec/electronegativity over the built app (out/), failing on any
// finding above LOW severity that security/electronegativity-allowlist.json does not explain. Runs
// offline (scripts/electronegativity-offline.cjs). Usage: node scripts/security-scan.ts
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import Papa from 'papaparse'

interface Finding {
  issue: string
  severity: string
  confidence: string
  filename: string
  location: string
}

interface Allowed {
  check: string
  file: string
  reason: string
}

const REPORT = 'test-results/electronegativity.csv'
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>
}
const electronVersion = packageJson.devDependencies['electron'] ?? ''
const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js')

mkdirSync('test-results', { recursive: true })
rmSync(REPORT, { force: true }) // electronegativity appends to an existing report
const scan = spawnSync(
  process.execPath,
  [
    '-r',
    './scripts/electronegativity-offline.cjs',
    cli,
    '--input',
    'out',
    '--output',
    REPORT,
    '--relative',
    '--verbose',
    'false',
    '--electron-version',
    electronVersion,
    // Needs the list of Electron releases from the internet; `npm audit`-style checks belong to CI.
    '--exclude-checks',
    'AvailableSecurityFixesGlobalCheck',
  ],
  { encoding: 'utf8' },
)
if (scan.status !== 0) {
  console.error(scan.stdout, scan.stderr)
  console.error('electronegativity did not finish.')
  process.exit(1)
}

const findings = Papa.parse<Record<string, string>>(readFileSync(REPORT, 'utf8'), {
  header: true,
  skipEmptyLines: true,
  transformHeader: (header) => header.trim(),
}).data.map((row): Finding => ({
  issue: row['issue'] ?? '',
  severity: row['severity'] ?? '',
  confidence: row['confidence'] ?? '',
  filename: row['filename'] ?? '',
  location: row['location'] ?? '',
}))
const allowlist = JSON.parse(readFileSync('security/electronegativity-allowlist.json', 'utf8')) as Allowed[]
const explained = (finding: Finding) =>
  allowlist.find((entry) => entry.check === finding.issue && entry.file === finding.filename)

let unexplained = 0
for (const finding of findings) {
  const where = `${finding.filename}:${finding.location}`
  const entry = explained(finding)
  if (finding.severity === 'LOW' || finding.severity === 'INFORMATIONAL') {
    console.log(`low    ${finding.issue} at ${where}`)
  } else if (entry) {
    console.log(`allowed ${finding.severity} ${finding.issue} at ${where}: ${entry.reason}`)
  } else {
    unexplained++
    console.log(
      `FAIL   ${finding.severity} ${finding.issue} at ${where} (not in security/electronegativity-allowlist.json)`,
    )
  }
}
console.log(
  `\nelectronegativity: ${findings.length} findings, ${unexplained} above LOW without an explanation.`,
)
process.exit(unexplained === 0 ? 0 : 1)
