import type { ProviderId } from '../ids.ts'
import { capillary } from './capillary/index.ts'
import { kustomer } from './kustomer/index.ts'
import { omnidesk } from './omnidesk/index.ts'
import { propeller } from './propeller/index.ts'
import { thulium } from './thulium/index.ts'
import type { ProviderDefinition } from './types.ts'

export const PROVIDERS = {
  kustomer,
  capillary,
  thulium,
  omnidesk,
  propeller,
} as const satisfies Record<ProviderId, ProviderDefinition>

export function getProvider(id: ProviderId): ProviderDefinition {
  return PROVIDERS[id]
}
