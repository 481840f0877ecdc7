import { randomUUID } from 'node:crypto'
import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { SANDBOX_CONNECTION_ID, type ConnectionId, type ProviderId } from '#shared/ids.ts'
import type { ConnectionDraft, ConnectionSummary } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { ConnectionSettings } from '#shared/providers/types.ts'
import type { JsonFileStore } from '../storage/json-file-store.ts'
import type { ConnectionCheck, ConnectionTarget } from '../providers/types.ts'
import { TRANSPORTS } from '../providers/registry.ts'
import { sleep } from '../upload/sleep.ts'
import { assertDraftValid } from './check-draft.ts'
import type { SandboxPool } from './sandbox-pool.ts'
import type { SavedConnection } from './saved-connections.ts'
import type { SecretStore } from './secret-store.ts'

/** "Test connection" gives up after this long and says the host did not answer. */
const TEST_TIMEOUT_MS = 30_000

/**
 * The places a provider's data can go: "Sandbox", the built-in local replica every provider has (so a
 * new user can run a whole import without credentials), and the connections the user saved — several
 * per provider (production, staging…), their secrets in the SecretStore.
 */
export class Connections {
  private readonly sandboxes: SandboxPool
  private readonly saved: JsonFileStore<SavedConnection[]>
  private readonly secrets: SecretStore

  constructor(sandboxes: SandboxPool, saved: JsonFileStore<SavedConnection[]>, secrets: SecretStore) {
    this.sandboxes = sandboxes
    this.saved = saved
    this.secrets = secrets
  }

  async list(providerId: ProviderId): Promise<ConnectionSummary[]> {
    const sandbox = await this.sandboxes.get(providerId)
    const sandboxSummary: ConnectionSummary = {
      id: SANDBOX_CONNECTION_ID,
      providerId,
      name: t('engine:connections.sandboxName', { provider: getProvider(providerId).displayName }),
      kind: 'sandbox',
      baseUrl: sandbox.baseUrl,
      settings: sandbox.settings,
      secretsSaved: Object.keys(sandbox.secrets),
    }
    const mine = this.all()
      .filter((connection) => connection.providerId === providerId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((connection) => this.summary(connection))
    return [sandboxSummary, ...mine]
  }

  /** A saved connection as the screens list it, or undefined; unlike list(), starts no sandbox. */
  savedSummary(id: ConnectionId): ConnectionSummary | undefined {
    const connection = this.find(id)
    return connection ? this.summary(connection) : undefined
  }

  save(draft: ConnectionDraft): ConnectionSummary {
    if (draft.id === SANDBOX_CONNECTION_ID) {
      throw new AppError('CONNECTION_INVALID', t('engine:connections.sandboxReadOnly'))
    }
    const existing = draft.id ? this.find(draft.id) : undefined
    if (draft.id && !existing) throw this.gone()
    const kept = existing ? (this.secrets.get(existing.id) ?? {}) : {}
    assertDraftValid(draft, Object.keys(kept))
    const all = this.all()
    const name = draft.name.trim()
    const clash = all.find(
      (other) =>
        other.providerId === draft.providerId &&
        other.id !== existing?.id &&
        other.name.toLowerCase() === name.toLowerCase(),
    )
    if (clash) {
      throw new AppError('CONNECTION_INVALID', t('engine:connections.nameTaken', { name }))
    }
    const secrets = mergeSecrets(kept, draft.secrets)
    const connection: SavedConnection = {
      id: existing?.id ?? randomUUID(),
      providerId: draft.providerId,
      name,
      settings: trimmed(draft.settings),
      ...(draft.baseUrlOverride?.trim() ? { baseUrlOverride: draft.baseUrlOverride.trim() } : {}),
      secretKeys: Object.keys(secrets),
    }
    // Secrets first: a connection is never listed without the secrets it says it has.
    this.secrets.set(connection.id, secrets)
    this.saved.save([...all.filter((other) => other.id !== connection.id), connection])
    return this.summary(connection)
  }

  delete(id: ConnectionId): boolean {
    const all = this.all()
    const remaining = all.filter((connection) => connection.id !== id)
    if (remaining.length === all.length) return false
    this.saved.save(remaining)
    this.secrets.delete(id)
    return true
  }

  /** Tests a filled-in form (saved or not); blank secrets of a saved connection use the stored ones. */
  async test(draft: ConnectionDraft): Promise<ConnectionCheck> {
    let target: ConnectionTarget
    if (draft.id === SANDBOX_CONNECTION_ID) {
      target = await this.target(draft.providerId, SANDBOX_CONNECTION_ID)
    } else {
      const existing = draft.id ? this.find(draft.id) : undefined
      const kept = existing ? (this.secrets.get(existing.id) ?? {}) : {}
      try {
        assertDraftValid({ ...draft, name: draft.name.trim() || 'Untitled' }, Object.keys(kept))
      } catch (error) {
        if (error instanceof AppError) return { ok: false, message: error.message }
        throw error
      }
      target = {
        baseUrl: baseUrlOf(draft.providerId, trimmed(draft.settings), draft.baseUrlOverride),
        settings: trimmed(draft.settings),
        secrets: mergeSecrets(kept, draft.secrets),
      }
    }
    return TRANSPORTS[draft.providerId].testConnection(target, {
      signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
      fetch: globalThis.fetch,
      sleep,
    })
  }

  async target(providerId: ProviderId, connectionId: ConnectionId): Promise<ConnectionTarget> {
    if (connectionId === SANDBOX_CONNECTION_ID) {
      const sandbox = await this.sandboxes.get(providerId)
      return { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets }
    }
    const connection = this.find(connectionId)
    if (!connection || connection.providerId !== providerId) throw this.gone()
    const secrets = this.secrets.get(connection.id)
    if (secrets === null || connection.secretKeys.some((key) => secrets[key] === undefined)) {
      throw new AppError(
        'CONNECTION_INVALID',
        t('engine:connections.keysUnreadable', { name: connection.name }),
      )
    }
    return {
      baseUrl: baseUrlOf(providerId, connection.settings, connection.baseUrlOverride),
      settings: connection.settings,
      secrets,
    }
  }

  private summary(connection: SavedConnection): ConnectionSummary {
    return {
      id: connection.id as ConnectionId,
      providerId: connection.providerId,
      name: connection.name,
      kind: 'remote',
      baseUrl: baseUrlOf(connection.providerId, connection.settings, connection.baseUrlOverride),
      settings: connection.settings,
      ...(connection.baseUrlOverride ? { baseUrlOverride: connection.baseUrlOverride } : {}),
      secretsSaved: connection.secretKeys,
    }
  }

  private all(): SavedConnection[] {
    return this.saved.load().value
  }

  private find(id: string): SavedConnection | undefined {
    return this.all().find((connection) => connection.id === id)
  }

  private gone(): AppError {
    return new AppError('CONNECTION_UNKNOWN', t('engine:connections.gone'))
  }
}

function baseUrlOf(
  providerId: ProviderId,
  settings: ConnectionSettings,
  override: string | undefined,
): string {
  const typed = override?.trim()
  return (typed || getProvider(providerId).connection.baseUrl(settings)).replace(/\/+$/, '')
}

function trimmed(values: ConnectionSettings): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  )
}

/** Stored secrets, replaced by every secret the user typed; blank fields keep what was stored. */
function mergeSecrets(stored: ConnectionSettings, typed: ConnectionSettings): Record<string, string> {
  return { ...stored, ...trimmed(typed) }
}
