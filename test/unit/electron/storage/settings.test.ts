import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsFile } from '../../../../electron/engine/storage/settings.ts'

const freshDir = () => mkdtempSync(join(tmpdir(), 'crosswalk-settings-'))

describe('settings file', () => {
  it('starts following the computer’s language, and remembers a choice across restarts', () => {
    const dir = freshDir()
    expect(new SettingsFile(dir).get()).toEqual({ language: null })
    new SettingsFile(dir).setLanguage('pl')
    expect(new SettingsFile(dir).language).toBe('pl')
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'pl' })
    new SettingsFile(dir).setLanguage(null)
    expect(new SettingsFile(dir).language).toBeNull()
  })

  it('moves a broken file aside, uses the defaults, and says where the old one went exactly once', () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'settings.json'), '{"language": "klingon"')
    const settings = new SettingsFile(dir)
    const first = settings.get()
    expect(first.language).toBeNull()
    expect(first.recoveredFrom).toMatch(/settings\.json\.corrupt-/)
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true)
    expect(settings.get()).toEqual({ language: null })
  })

  it('refuses a language Crosswalk does not speak in the file (schema-checked), keeping the defaults', () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'de' }))
    expect(new SettingsFile(dir).get().language).toBeNull()
  })
})
