import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A temp folder per test file; `write` returns the absolute path of the file it made. */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-test-'))
  return {
    dir,
    write(name: string, content: string | Uint8Array): string {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
