import { z } from 'zod'
import { ProviderId } from '../ids.ts'
import { Transform } from './transforms/transform.ts'

const ColumnIndex = z.number().int().min(0).max(100_000)

/**
 * One source column feeding one provider field (or custom field) by its record key. Optionally more
 * columns joined after it (first + last name → one name), transforms applied in order, and a value
 * for rows where all of that comes out empty. A column may feed several fields (a full name split
 * into first and last name).
 */
export const Assignment = z.object({
  field: z.string().min(1).max(300),
  column: ColumnIndex,
  joinColumns: z.array(ColumnIndex).max(20).optional(),
  /** Between joined values; a space when not given. */
  joinWith: z.string().max(10).optional(),
  transforms: z.array(Transform).max(20).optional(),
  fallback: z.string().max(1_000).optional(),
})
export type Assignment = z.infer<typeof Assignment>

/** A field given the same value on every row, without a column (e.g. a tag for this import). */
export const Constant = z.object({ field: z.string().min(1).max(300), value: z.string().min(1).max(1_000) })
export type Constant = z.infer<typeof Constant>

export const Mapping = z.object({
  providerId: ProviderId,
  assignments: z.array(Assignment).max(5_000),
  constants: z.array(Constant).max(500).optional(),
})
export type Mapping = z.infer<typeof Mapping>

/** Every column an assignment reads, in order. */
export function columnsOf(assignment: Pick<Assignment, 'column' | 'joinColumns'>): number[] {
  return [assignment.column, ...(assignment.joinColumns ?? [])]
}
