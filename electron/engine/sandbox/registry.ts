import type { ProviderId } from '#shared/ids.ts'
import type { RunningSandbox, SandboxOptions } from '../providers/types.ts'
import { startKustomerSandbox } from './kustomer/server.ts'

const SANDBOXES = {
  kustomer: startKustomerSandbox,
} satisfies Record<ProviderId, (options: SandboxOptions) => Promise<RunningSandbox>>

/** Starts the local replica of a provider's API on loopback. */
export function startSandbox(providerId: ProviderId, options: SandboxOptions): Promise<RunningSandbox> {
  return SANDBOXES[providerId](options)
}
