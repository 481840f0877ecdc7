/** How many leading records are looked at when searching for the header. */
export const HEADER_SEARCH_RECORDS = 20

const filled = (record: readonly string[]) => record.filter((cell) => cell.trim() !== '').length

/**
 * Finds the header among the first records (0-based index). Exports often start with a title line
 * ("Customers – exported 2024-05-01") or a blank line before the real header: the header is the first
 * record that fills at least half as many cells as the widest of the records around it, and at least
 * two. Returns 0 when nothing better stands out.
 */
export function detectHeaderRow(records: readonly (readonly string[])[]): number {
  const widths = records.slice(0, HEADER_SEARCH_RECORDS).map(filled)
  const widest = Math.max(0, ...widths)
  if (widest < 2) return 0
  const index = widths.findIndex((width) => width >= Math.max(2, Math.ceil(widest / 2)))
  return index === -1 ? 0 : index
}
