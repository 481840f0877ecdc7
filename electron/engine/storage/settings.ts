import { join } from 'node:path'
import { z } from 'zod'
import { LANGUAGES, type Language } from '#shared/i18n/languages.ts'
import { JsonFileStore } from './json-file-store.ts'

// The person's preferences that are not tied to a file or a connection. A broken settings file is moved
// aside and the defaults are used (JsonFileStore); the renderer says so once.

export const AppSettings = z.object({
  /** null: follow the computer's language. */
  language: z.enum(LANGUAGES).nullable(),
})
export type AppSettings = z.infer<typeof AppSettings>

export class SettingsFile {
  private readonly file: JsonFileStore<AppSettings>
  private value: AppSettings
  /** Where a broken settings file was moved to, reported to the renderer once. */
  private recovered: string | null

  constructor(dataDir: string) {
    this.file = new JsonFileStore(join(dataDir, 'settings.json'), AppSettings, () => ({ language: null }))
    const loaded = this.file.load()
    this.value = loaded.value
    this.recovered = loaded.recovered?.backupPath ?? null
  }

  get(): AppSettings & { recoveredFrom?: string } {
    const recoveredFrom = this.recovered
    this.recovered = null
    return recoveredFrom ? { ...this.value, recoveredFrom } : { ...this.value }
  }

  /** The saved language, or null to follow the computer's. */
  get language(): Language | null {
    return this.value.language
  }

  setLanguage(language: Language | null): void {
    if (language === this.value.language) return
    this.value = { ...this.value, language }
    this.file.save(this.value)
  }
}
