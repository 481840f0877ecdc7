import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { JsonFileStore } from '../../../../electron/engine/storage/json-file-store.ts'
import { redactSecrets, RotatingLog } from '../../../../electron/engine/logging/rotating-log.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

const files = tempFiles()
afterAll(files.cleanup)
const Settings = z.object({ theme: z.enum(['light', 'dark']), recent: z.array(z.string()) })
const defaults = () => ({ theme: 'light' as const, recent: [] })

describe('JsonFileStore', () => {
  it('returns the defaults on first run and round-trips what it saved', () => {
    const store = new JsonFileStore(join(files.dir, 'a', 'settings.json'), Settings, defaults)
    expect(store.load()).toEqual({ value: defaults() })
    store.save({ theme: 'dark', recent: ['/x.csv'] })
    expect(store.load()).toEqual({ value: { theme: 'dark', recent: ['/x.csv'] } })
    expect(readdirSync(join(files.dir, 'a'))).toEqual(['settings.json']) // no temp file left behind
  })

  it.each([
    ['not JSON', '{"theme": "dark", '],
    ['the wrong shape', '{"theme": "purple", "recent": []}'],
  ])('moves a file that is %s aside and starts from the defaults', (_label, content) => {
    const path = files.write(`corrupt-${content.length}.json`, content)
    const result = new JsonFileStore(path, Settings, defaults).load(new Date('2026-01-02T03:04:05Z'))
    expect(result.value).toEqual(defaults())
    expect(result.recovered?.backupPath).toBe(`${path}.corrupt-2026-01-02T03-04-05-000Z`)
    expect(readFileSync(result.recovered!.backupPath, 'utf8')).toBe(content)
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to save a value that breaks its schema', () => {
    const store = new JsonFileStore(join(files.dir, 'strict.json'), Settings, defaults)
    expect(() => store.save({ theme: 'neon', recent: [] } as never)).toThrow()
    expect(existsSync(store.path)).toBe(false)
  })
})

describe('RotatingLog', () => {
  it('masks credentials that slip into a message', () => {
    expect(redactSecrets('Authorization: Bearer sk_live_abcdef123456')).toBe(
      'Authorization: Bearer [redacted]',
    )
    expect(redactSecrets('GET /x?apiKey=abc123&brand=1')).toBe('GET /x?apiKey=[redacted]&brand=1')
    expect(redactSecrets('{"client_secret":"s3cr3t"}')).toBe('{"client_secret":"[redacted]"}')
    expect(redactSecrets('row 12 failed')).toBe('row 12 failed')
  })

  it('rotates at 1 MB and keeps three old files', () => {
    const dir = join(files.dir, 'logs')
    const log = new RotatingLog(dir)
    writeFileSync(join(dir, 'main.log'), 'x'.repeat(1024 * 1024))
    log.write('error', 'row %d failed', 7)
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toMatch(/ERROR row 7 failed\n$/)
    expect(readFileSync(join(dir, 'main.log.1'), 'utf8')).toHaveLength(1024 * 1024)
  })
})
