import type { ProviderId } from '#shared/ids.ts'
import { capillaryTransport } from './capillary/transport.ts'
import { kustomerTransport } from './kustomer/transport.ts'
import { omnideskTransport } from './omnidesk/transport.ts'
import { propellerTransport } from './propeller/transport.ts'
import { thuliumTransport } from './thulium/transport.ts'
import type { ProviderTransport } from './types.ts'

export const TRANSPORTS = {
  kustomer: kustomerTransport,
  capillary: capillaryTransport,
  thulium: thuliumTransport,
  omnidesk: omnideskTransport,
  propeller: propellerTransport,
} satisfies Record<ProviderId, ProviderTransport>
