import { z } from 'zod'
import { ProviderId } from '../ids.ts'

/** One source column feeding one provider field (or custom field) by its record key. */
export const Assignment = z.object({
  field: z.string().min(1).max(300),
  column: z.number().int().min(0).max(100_000),
})
export type Assignment = z.infer<typeof Assignment>

export const Mapping = z.object({
  providerId: ProviderId,
  assignments: z.array(Assignment).max(5_000),
})
export type Mapping = z.infer<typeof Mapping>
