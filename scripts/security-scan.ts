// `npm test`'s security scan: @doyensec/electronegativity over the built app (out/), failing on any
// finding above LOW severity that security/electronegativity-allowlist.json does not explain. Runs
// offline (scripts/electronegativity-offline.cjs). Usage: node scripts/security-scan.ts
//
// The scanner is called through its programmatic API, not its CLI: the CLI writes its CSV report
// with two unsynchronised async writes (header, then rows), which on some runs interleave and
// garble the first row — a flaky gate is worse than none.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

interface Issue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: string }
  confidence: { name: string }
  description: string
  sample?: string
}

interface RunOptions {
  input: string
  electronVersionOverride: string
  excludeFromScan: string[]
  isRelative: boolean
  isVerbose: boolean
}

interface Allowed {
  check: string
  file: string
  reason: string
}

const require = createRequire(import.meta.url)
require('./electronegativity-offline.cjs')
const runElectronegativity = require('@doyensec/electronegativity') as (
  options: RunOptions,
) => Promise<{ issues: Issue[]; errors: unknown[] }>

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>
}
const input = resolve('out')
const { issues, errors } = await runElectronegativity({
  input,
  electronVersionOverride: packageJson.devDependencies['electron'] ?? '',
  // Needs the list of Electron releases from the internet; `npm audit`-style checks belong to CI.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  isRelative: true,
  isVerbose: false,
})

const findings = issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  file: issue.file, // relative to out/ (isRelative)
  location: `${issue.location.line}:${issue.location.column}`,
  description: issue.description,
}))
mkdirSync('test-results', { recursive: true })
writeFileSync('test-results/electronegativity.json', JSON.stringify({ findings, errors }, null, 2))

const allowlist = JSON.parse(readFileSync('security/electronegativity-allowlist.json', 'utf8')) as Allowed[]
const explained = (finding: (typeof findings)[number]) =>
  allowlist.find((entry) => entry.check === finding.check && entry.file === finding.file)

let unexplained = 0
for (const finding of findings) {
  const where = `${finding.file}:${finding.location}`
  const entry = explained(finding)
  if (finding.severity === 'LOW' || finding.severity === 'INFORMATIONAL') {
    console.log(`low    ${finding.check} at ${where}: ${finding.description}`)
  } else if (entry) {
    console.log(`allowed ${finding.severity} ${finding.check} at ${where}: ${entry.reason}`)
  } else {
    unexplained++
    console.log(
      `FAIL   ${finding.severity} ${finding.check} at ${where}: ${finding.description} (not in security/electronegativity-allowlist.json)`,
    )
  }
}
if (errors.length > 0) {
  console.log(`electronegativity could not parse ${errors.length} files:`, errors)
}
console.log(
  `\nelectronegativity: ${findings.length} findings, ${unexplained} above LOW without an explanation.`,
)
process.exit(unexplained === 0 && errors.length === 0 ? 0 : 1)
