import type { ColumnKind } from '#shared/ipc/contract.ts'
import { VALUE_KIND_DESCRIPTIONS } from '#shared/mapping/sniff-values.ts'
import { columnsOf, type Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'

// The words the column list uses for what a column holds and where it goes.

const KIND_WORDS: Readonly<Record<ColumnKind, string>> = {
  ...VALUE_KIND_DESCRIPTIONS,
  number: 'numbers',
  text: 'text',
  empty: 'no values',
}

/** "emails", "phone numbers", "numbers", "text": what the column's values look like. */
export const kindWords = (kind: ColumnKind): string => KIND_WORDS[kind]

/**
 * "98% filled", "all filled" or "empty". Never rounded up to all or down to none, so "100%" and
 * "empty" are only said when they are exactly true.
 */
export function fillText(filled: number, rows: number): string {
  if (filled === 0) return 'empty'
  if (filled >= rows) return 'all filled'
  const percent = Math.min(99, Math.max(1, Math.round((filled / rows) * 100)))
  return `${percent}% filled`
}

/** The fields each column feeds (as its first column or a joined one), by column index, in field order. */
export function fieldsByColumn(
  assignments: readonly Assignment[],
  fields: readonly Pick<ProviderField, 'key' | 'label'>[],
): Map<number, string[]> {
  const labelOf = (key: string) => fields.find((field) => field.key === key)?.label ?? key
  const order = (key: string) => {
    const at = fields.findIndex((field) => field.key === key)
    return at === -1 ? fields.length : at
  }
  const sorted = [...assignments].sort((a, b) => order(a.field) - order(b.field))
  const feeds = new Map<number, string[]>()
  for (const assignment of sorted) {
    for (const column of new Set(columnsOf(assignment))) {
      feeds.set(column, [...(feeds.get(column) ?? []), labelOf(assignment.field)])
    }
  }
  return feeds
}
