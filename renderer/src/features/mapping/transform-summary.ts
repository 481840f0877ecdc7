import { t } from '#shared/i18n/i18n.ts'
import { formatCount } from '../../lib/format.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { CaseStyle, DateOrder, NamePart, Transform } from '#shared/mapping/transforms/transform.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'
import { countryName } from './countries.ts'

// One line under a mapped field saying what happens to its values on the way, in plain words, with
// how the sample rows come out, so a wrong choice shows before the upload and not after it. Said in
// the current language each time it is asked for: callers do not keep the words.

const NAME_PARTS = {
  first: 'mapping:summary.nameParts.first',
  allButFirst: 'mapping:summary.nameParts.allButFirst',
  allButLast: 'mapping:summary.nameParts.allButLast',
  last: 'mapping:summary.nameParts.last',
} as const satisfies Record<NamePart, string>

const CASES = {
  upper: 'mapping:summary.cases.upper',
  lower: 'mapping:summary.cases.lower',
  title: 'mapping:summary.cases.title',
} as const satisfies Record<CaseStyle, string>

const DATE_ORDERS = {
  DMY: 'mapping:summary.dates.DMY',
  MDY: 'mapping:summary.dates.MDY',
  YMD: 'mapping:summary.dates.YMD',
} as const satisfies Record<DateOrder, string>

const quoted = (text: string) => t('mapping:summary.quoted', { text })

function describeTransform(transform: Transform, sent: readonly string[], present: number): string | null {
  switch (transform.kind) {
    case 'collapseSpaces':
      return t('mapping:summary.spaces')
    case 'case':
      return t(CASES[transform.style])
    case 'namePart':
      return t(NAME_PARTS[transform.part])
    case 'splitPart':
      return t('mapping:summary.splitPart', {
        part: formatCount(transform.index + 1),
        separator: transform.separator,
      })
    case 'phone': {
      const international = sent.filter((value) => value.startsWith('+')).length
      return t('mapping:summary.phone', {
        country: countryName(transform.country),
        code: transform.country,
        international: formatCount(international),
        present: formatCount(present),
      })
    }
    case 'date':
      return t(DATE_ORDERS[transform.order])
    case 'valueMap': {
      const translated = transform.values.filter(({ from, to }) => from !== to).length
      return translated === 0 ? null : t('mapping:summary.valuesTranslated', { count: translated })
    }
  }
}

export interface SampleOutcome {
  /** Sample rows with a value in the mapped column(s). */
  present: number
  /** Of those, how many the field's checks would reject. */
  rejected: number
}

export function sampleOutcome(
  field: ProviderField,
  sent: readonly string[],
  raw: readonly string[],
): SampleOutcome {
  let present = 0
  let rejected = 0
  sent.forEach((value, row) => {
    if (raw[row] === '' && value === '') return
    present++
    if (value !== '' && checkField(field, value).length > 0) rejected++
  })
  return { present, rejected }
}

/** The parts of the summary line, in the order they happen. */
export function summarise(
  assignment: Assignment,
  headers: readonly string[],
  sent: readonly string[],
  outcome: SampleOutcome,
): string[] {
  const parts: string[] = []
  const joined = (assignment.joinColumns ?? []).map((column) =>
    quoted(headers[column] ?? t('mapping:summary.columnNumber', { number: formatCount(column + 1) })),
  )
  if (joined.length > 0) parts.push(t('mapping:summary.joined', { columns: joined.join(', ') }))
  for (const transform of assignment.transforms ?? []) {
    const part = describeTransform(transform, sent, outcome.present)
    if (part) parts.push(part)
  }
  if (assignment.fallback) parts.push(t('mapping:summary.fallback', { value: assignment.fallback }))
  if (parts.length === 0) parts.push(t('mapping:summary.asWritten'))
  return parts
}
