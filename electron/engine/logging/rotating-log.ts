import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { format } from 'node:util'

const MAX_BYTES = 1024 * 1024
const KEEP = 3

// Belt and braces: nothing should log secrets in the first place, but a credential that slips into a
// message (an Authorization header in an error, a key in a URL) is masked before it reaches the disk.
const SECRETS: [RegExp, string][] = [
  [/(authorization["']?\s*[:=]\s*["']?(?:bearer|basic)\s+)[^\s"',}]+/gi, '$1[redacted]'],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  [/((?:api[-_]?key|token|secret|password|client_secret)["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi, '$1[redacted]'],
]

export function redactSecrets(text: string): string {
  return SECRETS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
}

/**
 * An append-only log file that rotates at 1 MB, keeping three old files (`main.log.1` … `.3`).
 * Lines carry a timestamp and level; customer data is never passed here, only row numbers.
 */
export class RotatingLog {
  private readonly path: string

  constructor(dir: string, name = 'main.log') {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    this.path = `${dir}/${name}`
  }

  write(level: 'info' | 'warn' | 'error', ...args: unknown[]): void {
    try {
      this.rotateIfNeeded()
      const line = `${new Date().toISOString()} ${level.toUpperCase()} ${redactSecrets(format(...args))}\n`
      appendFileSync(this.path, line, { mode: 0o600 })
    } catch {
      // Logging must never take the app down.
    }
  }

  /** Sends console.warn/console.error to this log as well as to the terminal. */
  captureConsole(): void {
    for (const level of ['warn', 'error'] as const) {
      const original = console[level].bind(console)
      console[level] = (...args: unknown[]) => {
        original(...args)
        this.write(level, ...args)
      }
    }
  }

  private rotateIfNeeded(): void {
    if (!existsSync(this.path) || statSync(this.path).size < MAX_BYTES) return
    rmSync(`${this.path}.${KEEP}`, { force: true })
    for (let index = KEEP - 1; index >= 1; index--) {
      if (existsSync(`${this.path}.${index}`))
        renameSync(`${this.path}.${index}`, `${this.path}.${index + 1}`)
    }
    renameSync(this.path, `${this.path}.1`)
  }
}
