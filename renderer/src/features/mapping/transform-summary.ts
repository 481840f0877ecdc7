import type { Assignment } from '#shared/mapping/mapping.ts'
import type { Transform } from '#shared/mapping/transforms/transform.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'
import { countryName } from './countries.ts'
import { dateOrderName } from './date-question.ts'
import { plural } from '../../lib/format.ts'

// One line under a mapped field saying what happens to its values on the way, in plain words, with
// how the sample rows come out, so a wrong choice shows before the upload and not after it.

const NAME_PARTS = {
  first: 'Takes the first word',
  allButFirst: 'Takes all but the first word',
  allButLast: 'Takes all but the last word',
  last: 'Takes the last word',
} as const

const CASES = { upper: 'UPPER CASE', lower: 'lower case', title: 'Title Case' } as const

function describeTransform(transform: Transform, sent: readonly string[], present: number): string | null {
  switch (transform.kind) {
    case 'collapseSpaces':
      return 'Spaces tidied'
    case 'case':
      return `Written in ${CASES[transform.style]}`
    case 'namePart':
      return NAME_PARTS[transform.part]
    case 'splitPart':
      return `Takes part ${transform.index + 1} split at “${transform.separator}”`
    case 'phone': {
      const international = sent.filter((value) => value.startsWith('+')).length
      const country = `${countryName(transform.country)} (${transform.country})`
      return `Phone numbers read as ${country} · ${international} of ${present} in international form`
    }
    case 'date':
      return `Dates read ${dateOrderName(transform.order).toLowerCase()}`
    case 'valueMap': {
      const translated = transform.values.filter(({ from, to }) => from !== to).length
      return translated === 0 ? null : `${plural(translated, 'value')} translated`
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
  const joined = (assignment.joinColumns ?? []).map(
    (column) => `“${headers[column] ?? `column ${column + 1}`}”`,
  )
  if (joined.length > 0) parts.push(`Joined with ${joined.join(', ')}`)
  for (const transform of assignment.transforms ?? []) {
    const part = describeTransform(transform, sent, outcome.present)
    if (part) parts.push(part)
  }
  if (assignment.fallback) parts.push(`When empty: “${assignment.fallback}”`)
  if (parts.length === 0) parts.push('Sent as written')
  return parts
}
