import type { Assignment } from '#shared/mapping/mapping.ts'
import { detectDateOrder, parseDate } from '#shared/mapping/transforms/date.ts'
import type { DateOrder } from '#shared/mapping/transforms/transform.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { isDateField } from './field-kind.ts'
import { findTransform } from './transform-list.ts'
import { valuesBefore } from './sample-values.ts'

// Dates such as 03/04/2024 read as 3 April and as March 4. We never guess: the person says which
// order the file uses, and until then the field needs their decision.

export interface DateQuestion {
  /** A value of the file that reads both ways. */
  example: string
  /** What each possible order makes of it, in words. */
  readings: { order: DateOrder; text: string }[]
}

const ORDER_NAMES: Record<DateOrder, string> = {
  DMY: 'Day first',
  MDY: 'Month first',
  YMD: 'Year first',
}

export const dateOrderName = (order: DateOrder): string => ORDER_NAMES[order]

const spelled = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "1990-04-03" → "3 April 1990". */
export function spellDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? iso : spelled.format(date)
}

/** The question to ask about a mapped date field, or null when its order is known or chosen. */
export function dateQuestion(
  field: Pick<ProviderField, 'type'>,
  assignment: Assignment | undefined,
  rows: readonly (readonly string[])[],
): DateQuestion | null {
  if (!assignment || !isDateField(field) || findTransform(assignment.transforms, 'date')) return null
  const values = valuesBefore(assignment, 'date', rows)
  const detected = detectDateOrder(values)
  if (detected.kind !== 'ambiguous') return null
  // An example that really reads two ways: 05/05/2024 would not make the point.
  const readsTwoWays = (value: string) =>
    new Set(detected.orders.map((order) => parseDate(value, order))).size > 1
  const example = values.find(readsTwoWays) ?? values.find((value) => value.trim() !== '') ?? ''
  return {
    example,
    readings: detected.orders.map((order) => ({ order, text: spellDate(parseDate(example, order)) })),
  }
}
