import type { ProviderId } from '#shared/ids.ts'
import type { RunningSandbox } from '../providers/types.ts'
import { startSandbox } from '../sandbox/registry.ts'

/**
 * The built-in sandboxes the "Sandbox" connection points at: started on first use, one per provider,
 * on loopback, and closed with the engine.
 */
export class SandboxPool {
  private readonly running = new Map<ProviderId, Promise<RunningSandbox>>()

  get(providerId: ProviderId): Promise<RunningSandbox> {
    let sandbox = this.running.get(providerId)
    if (!sandbox) {
      sandbox = startSandbox(providerId, {})
      this.running.set(providerId, sandbox)
      sandbox.catch(() => this.running.delete(providerId))
    }
    return sandbox
  }

  async closeAll(): Promise<void> {
    const all = [...this.running.values()]
    this.running.clear()
    await Promise.allSettled(all.map(async (sandbox) => (await sandbox).close()))
  }
}
