import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { z } from 'zod'

export interface LoadResult<T> {
  value: T
  /** Set when the file was unreadable and was moved aside: say so to the user, once. */
  recovered?: { backupPath: string }
}

/**
 * A small JSON file that survives crashes and bad edits: writes go to a temp file that is fsync'd and
 * renamed over the old one (a reader sees the old or the new file, never half of one); a file that is
 * not valid JSON or fails its schema is moved aside as `<name>.corrupt-<time>` and the defaults are
 * used, instead of crashing the app.
 */
export class JsonFileStore<T> {
  readonly path: string
  private readonly schema: z.ZodType<T>
  private readonly defaults: () => T

  constructor(path: string, schema: z.ZodType<T>, defaults: () => T) {
    this.path = path
    this.schema = schema
    this.defaults = defaults
  }

  load(now: Date = new Date()): LoadResult<T> {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch {
      return { value: this.defaults() } // first run: nothing saved yet
    }
    try {
      const parsed = this.schema.safeParse(JSON.parse(text))
      if (parsed.success) return { value: parsed.data }
    } catch {
      // not JSON: fall through to recovery
    }
    const backupPath = `${this.path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
    try {
      renameSync(this.path, backupPath)
    } catch {
      return { value: this.defaults() }
    }
    return { value: this.defaults(), recovered: { backupPath } }
  }

  save(value: T): void {
    const checked = this.schema.parse(value)
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 })
    const temp = `${dirname(this.path)}/.${basename(this.path)}.${process.pid}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, `${JSON.stringify(checked, null, 2)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, this.path)
  }
}
