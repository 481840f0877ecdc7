import { t } from '#shared/i18n/i18n.ts'
import { formatCount } from '../../lib/format.ts'
import type { ColumnKind } from '#shared/ipc/contract.ts'
import { columnsOf, type Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'

// The words the column list uses for what a column holds and where it goes.

// Keys, not words: the words are looked up when shown, in the language chosen then. Typed against
// ColumnKind, so a new kind of value fails the typecheck until it has words.
const KIND_KEYS = {
  email: 'mapping:columnItem.kinds.email',
  phone: 'mapping:columnItem.kinds.phone',
  date: 'mapping:columnItem.kinds.date',
  postcode: 'mapping:columnItem.kinds.postcode',
  country: 'mapping:columnItem.kinds.country',
  language: 'mapping:columnItem.kinds.language',
  gender: 'mapping:columnItem.kinds.gender',
  number: 'mapping:columnItem.kinds.number',
  text: 'mapping:columnItem.kinds.text',
  empty: 'mapping:columnItem.kinds.empty',
} as const satisfies Record<ColumnKind, string>

/** "emails", "phone numbers", "numbers", "text": what the column's values look like. */
export const kindWords = (kind: ColumnKind): string => t(KIND_KEYS[kind])

/**
 * "98% filled", "all filled" or "empty". Never rounded up to all or down to none, so "100%" and
 * "empty" are only said when they are exactly true.
 */
export function fillText(filled: number, rows: number): string {
  if (filled === 0) return t('mapping:columnItem.fill.empty')
  if (filled >= rows) return t('mapping:columnItem.fill.all')
  const percent = Math.min(99, Math.max(1, Math.round((filled / rows) * 100)))
  return t('mapping:columnItem.fill.percent', { percent: formatCount(percent) })
}

/**
 * The fields each column feeds (as its first column or a joined one), by column index, in field order.
 * Labels as `fields` has them: the mapping screen passes fields already in the person's language.
 */
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
