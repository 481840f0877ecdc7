import { AppError } from '#shared/errors.ts'
import { SANDBOX_CONNECTION_ID, type ConnectionId, type ProviderId } from '#shared/ids.ts'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { ConnectionTarget } from '../providers/types.ts'
import type { SandboxPool } from './sandbox-pool.ts'

/**
 * The places a provider's data can go. Every provider has "Sandbox", its local replica, so a new user
 * can run a whole import without credentials. Named production connections come with the connections
 * screen; until then this list is honest about having only the sandbox.
 */
export class Connections {
  private readonly sandboxes: SandboxPool

  constructor(sandboxes: SandboxPool) {
    this.sandboxes = sandboxes
  }

  async list(providerId: ProviderId): Promise<ConnectionSummary[]> {
    const sandbox = await this.sandboxes.get(providerId)
    return [
      {
        id: SANDBOX_CONNECTION_ID,
        providerId,
        name: `Sandbox (a local ${getProvider(providerId).displayName} replica on this computer)`,
        kind: 'sandbox',
        baseUrl: sandbox.baseUrl,
      },
    ]
  }

  async target(providerId: ProviderId, connectionId: ConnectionId): Promise<ConnectionTarget> {
    if (connectionId !== SANDBOX_CONNECTION_ID) {
      throw new AppError('CONNECTION_UNKNOWN', 'This connection no longer exists. Choose a connection again.')
    }
    const sandbox = await this.sandboxes.get(providerId)
    return { baseUrl: sandbox.baseUrl, settings: sandbox.settings, secrets: sandbox.secrets }
  }
}
