import { z } from 'zod'
import { t } from '#shared/i18n/i18n.ts'
import type { ConnectionSettings } from '#shared/providers/types.ts'
import { JsonFileStore } from '../storage/json-file-store.ts'

// Where connection secrets (API keys, passwords, client secrets) are kept. In the desktop app main
// passes Electron's safeStorage as the cipher, so the file holds only ciphertext the OS keychain can
// open; the web bridge and the CLI have no keychain and keep them in a file only this user can read
// (0600), and say so on the connection form. Secrets never go back to the renderer or into logs.

export interface SecretCipher {
  encrypt(plain: string): Buffer
  decrypt(encrypted: Buffer): string
}

export interface SecretStore {
  /** True when secrets are encrypted with the operating system's keychain. */
  readonly encrypted: boolean
  /** One sentence for the connection form, in the current language: where the secrets are and who can read them. */
  readonly description: string
  get(connectionId: string): ConnectionSettings | null
  set(connectionId: string, secrets: ConnectionSettings): void
  delete(connectionId: string): void
}

const SecretFile = z.record(z.string(), z.string())
type SecretFile = z.infer<typeof SecretFile>

export class FileSecretStore implements SecretStore {
  readonly encrypted: boolean
  private readonly file: JsonFileStore<SecretFile>
  private readonly cipher: SecretCipher | null
  /** Made when asked, so it follows a change of language. */
  private readonly describeStorage: () => string

  /**
   * Without a cipher the values are stored as plain JSON in a 0600 file. `describe` overrides what
   * the form says (e.g. a cipher whose key is not protected by a keychain is not "encrypted"); its
   * `description` is called each time the form asks, in the language of that moment.
   */
  constructor(
    path: string,
    cipher: SecretCipher | null,
    describe?: { encrypted: boolean; description: () => string },
  ) {
    this.file = new JsonFileStore(path, SecretFile, () => ({}))
    this.cipher = cipher
    this.encrypted = describe?.encrypted ?? cipher !== null
    this.describeStorage =
      describe?.description ??
      (cipher
        ? () => t('engine:connections.secrets.keychain')
        : () => t('engine:connections.secrets.plainFile', { path }))
  }

  get description(): string {
    return this.describeStorage()
  }

  get(connectionId: string): ConnectionSettings | null {
    const stored = this.file.load().value[connectionId]
    if (stored === undefined) return null
    try {
      const text = this.cipher ? this.cipher.decrypt(Buffer.from(stored, 'base64')) : stored
      return SecretFile.parse(JSON.parse(text))
    } catch {
      // Encrypted by another user account or keychain: unreadable here, so ask for the secret again.
      return null
    }
  }

  set(connectionId: string, secrets: ConnectionSettings): void {
    const all = this.file.load().value
    const text = JSON.stringify(secrets)
    all[connectionId] = this.cipher ? this.cipher.encrypt(text).toString('base64') : text
    this.file.save(all)
  }

  delete(connectionId: string): void {
    const all = this.file.load().value
    if (!(connectionId in all)) return
    delete all[connectionId]
    this.file.save(all)
  }
}
