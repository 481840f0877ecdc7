import { sentence } from '#shared/i18n/i18n.ts'
import type { Message } from '#shared/i18n/message.ts'

/**
 * Every row failed for one reason: Crosswalk's own words kept as a message too (RowOutcome.said, said
 * again in the reader's language), or the provider's words as it gave them. For uploads and dry runs.
 */
export function failRows(
  rows: readonly { row: number }[],
  why: Message | string,
): { row: number; status: 'failed'; message: string; said?: Message }[] {
  const said = typeof why === 'string' ? { message: why } : sentence(why)
  return rows.map(({ row }) => ({ row, status: 'failed', ...said }))
}
