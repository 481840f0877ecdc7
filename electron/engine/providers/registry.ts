import type { ProviderId } from '#shared/ids.ts'
import { kustomerTransport } from './kustomer/transport.ts'
import type { ProviderTransport } from './types.ts'

export const TRANSPORTS = {
  kustomer: kustomerTransport,
} satisfies Record<ProviderId, ProviderTransport>
