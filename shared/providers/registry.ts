import type { ProviderId } from '../ids.ts'
import { kustomer } from './kustomer/index.ts'
import type { ProviderDefinition } from './types.ts'

export const PROVIDERS = { kustomer } as const satisfies Record<ProviderId, ProviderDefinition>

export function getProvider(id: ProviderId): ProviderDefinition {
  return PROVIDERS[id]
}
