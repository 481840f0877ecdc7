import { z } from 'zod'
import { ProviderId } from '#shared/ids.ts'
import { JsonFileStore } from '../storage/json-file-store.ts'

// The non-secret half of each saved connection (name, region, host…), in `connections.json`. Secrets
// are in the SecretStore under the same id.

export const SavedConnection = z.object({
  id: z.string().min(1).max(100),
  providerId: ProviderId,
  name: z.string().min(1).max(100),
  settings: z.record(z.string(), z.string()),
  baseUrlOverride: z.string().optional(),
  secretKeys: z.array(z.string()),
})
export type SavedConnection = z.infer<typeof SavedConnection>

// A connection of a provider this version no longer knows is dropped on read instead of making the
// whole file "corrupt" (and moving every other connection aside).
const SavedConnections = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const parsed = SavedConnection.safeParse(item)
    return parsed.success ? [parsed.data] : []
  }),
)

export function savedConnectionsFile(path: string): JsonFileStore<SavedConnection[]> {
  return new JsonFileStore(path, SavedConnections as unknown as z.ZodType<SavedConnection[]>, () => [])
}
