import { currentLanguage, t } from '#shared/i18n/i18n.ts'
import type { Language } from '#shared/i18n/languages.ts'
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
  /**
   * What each possible order makes of it: an ISO date, spelled with spellDate when shown (so it
   * follows the language; the question itself is worked out once per change of the mapping).
   */
  readings: { order: DateOrder; date: string }[]
}

const ORDER_NAMES = {
  DMY: 'mapping:dateOrder.names.DMY',
  MDY: 'mapping:dateOrder.names.MDY',
  YMD: 'mapping:dateOrder.names.YMD',
} as const satisfies Record<DateOrder, string>

/** "Day first", "Month first", "Year first", in the current language. */
export const dateOrderName = (order: DateOrder): string => t(ORDER_NAMES[order])

// Spelled with the day before the month in English too ("3 April 1990", British style): the point is
// to show how the file's value reads, and "April 3" next to "03/04" would add a second ambiguity.
// UTC, because the ISO date names a day, not a moment: no time zone may move it.
const spellers = new Map<Language, Intl.DateTimeFormat>()

function spellerFor(language: Language): Intl.DateTimeFormat {
  let speller = spellers.get(language)
  if (!speller) {
    const locale = language === 'en' ? 'en-GB' : language
    speller = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    spellers.set(language, speller)
  }
  return speller
}

/** "1990-04-03" → "3 April 1990" ("3 kwietnia 1990", "3 april 1990"), in the current language. */
export function spellDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? iso : spellerFor(currentLanguage()).format(date)
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
    readings: detected.orders.map((order) => ({ order, date: parseDate(example, order) })),
  }
}
