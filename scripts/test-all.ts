// `npm test`: build, typecheck, lint, security scan, unit tests, end-to-end tests — every step runs even if an earlier
// one failed, so one run shows everything that is wrong. Ends with the plain line "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

interface VitestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests?: number
  numTodoTests?: number
}

const RESULTS_DIR = 'test-results'
rmSync(RESULTS_DIR, { recursive: true, force: true })
mkdirSync(RESULTS_DIR, { recursive: true })

let passed = 0
let failed = 0
let skipped = 0
const lines: string[] = []

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  return result.status === 0
}

function check(label: string, command: string, args: string[]): void {
  const ok = run(label, command, args)
  if (ok) passed++
  else failed++
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`)
}

function tests(label: string, project: string): void {
  const reportFile = `${RESULTS_DIR}/${project}.json`
  const ok = run(label, 'vitest', [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ])
  let report: VitestReport | null
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport
  } catch {
    report = null
  }
  if (!report) {
    failed++
    lines.push(`FAIL ${label}: the test runner produced no report`)
    return
  }
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A runner that failed without failing a test (e.g. a file that does not compile) still fails the run.
  if (!ok && report.numFailedTests === 0) failed++
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  )
}

check('build', 'npm', ['run', '-s', 'build'])
check('typecheck', 'tsc', ['--build'])
check('lint', 'eslint', ['--max-warnings', '0', '.'])
check('format', 'prettier', ['--check', '.'])
check('security scan (electronegativity)', process.execPath, ['scripts/security-scan.ts'])
tests('unit tests (shared)', 'shared')
tests('unit tests (engine)', 'engine')
tests('unit tests (renderer)', 'renderer')
tests('end-to-end tests (Chromium, web bridge)', 'e2e')

console.log(`\n${lines.join('\n')}\n`)
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(failed === 0 ? 0 : 1)
