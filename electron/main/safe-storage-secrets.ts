import { join } from 'node:path'
import { safeStorage } from 'electron'
import { t } from '#shared/i18n/i18n.ts'
import { FileSecretStore } from '../engine/connections/secret-store.ts'

// Connection secrets in the desktop app: encrypted with the OS keychain through Electron's
// safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux). Call after `ready`.

export function safeStorageSecretStore(userDataDir: string): FileSecretStore {
  const path = join(userDataDir, 'connection-secrets.json')
  const cipher = {
    encrypt: (plain: string) => safeStorage.encryptString(plain),
    decrypt: (encrypted: Buffer) => safeStorage.decryptString(encrypted),
  }
  if (!safeStorage.isEncryptionAvailable()) {
    return new FileSecretStore(path, null)
  }
  // On Linux without a keyring service Electron falls back to a fixed, built-in key ("basic_text"):
  // the file is obfuscated, not protected. Say so rather than promise encryption.
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null
  if (backend === 'basic_text') {
    return new FileSecretStore(path, cipher, {
      encrypted: false,
      description: () => t('engine:connections.secrets.obfuscated', { path }),
    })
  }
  return new FileSecretStore(path, cipher)
}
