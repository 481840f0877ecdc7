import type { ProviderId } from '#shared/ids.ts'
import type { RunningSandbox, SandboxOptions } from '../providers/types.ts'
import { startCapillarySandbox } from './capillary/server.ts'
import { startKustomerSandbox } from './kustomer/server.ts'
import { startOmnideskSandbox } from './omnidesk/server.ts'
import { startPropellerSandbox } from './propeller/server.ts'
import { startThuliumSandbox } from './thulium/server.ts'

const SANDBOXES = {
  kustomer: startKustomerSandbox,
  capillary: startCapillarySandbox,
  thulium: startThuliumSandbox,
  omnidesk: startOmnideskSandbox,
  propeller: startPropellerSandbox,
} satisfies Record<ProviderId, (options: SandboxOptions) => Promise<RunningSandbox>>

/** Starts the local replica of a provider's API on loopback. */
export function startSandbox(providerId: ProviderId, options: SandboxOptions): Promise<RunningSandbox> {
  return SANDBOXES[providerId](options)
}
