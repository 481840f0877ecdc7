import { z } from 'zod'

// Branded ids so a dataset id can never be passed where a job id is expected.
export const JobId = z.string().min(1).max(64).brand('JobId')
export type JobId = z.infer<typeof JobId>

export const DatasetId = z.string().min(1).max(64).brand('DatasetId')
export type DatasetId = z.infer<typeof DatasetId>

export const ProviderId = z.enum(['kustomer', 'capillary', 'thulium', 'omnidesk', 'propeller'])
export type ProviderId = z.infer<typeof ProviderId>

export const ConnectionId = z.string().min(1).max(100).brand('ConnectionId')
export type ConnectionId = z.infer<typeof ConnectionId>

/** The built-in local replica of a provider's API; every provider has one. */
export const SANDBOX_CONNECTION_ID = 'sandbox' as ConnectionId
