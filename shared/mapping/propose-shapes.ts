import { message } from '../i18n/message.ts'
import type { ProviderDefinition, ProviderField } from '../providers/types.ts'
import type { MatchSuggestion } from './auto-match.ts'
import { conceptsOfHeader, fieldConcepts } from './concepts.ts'
import type { Assignment } from './mapping.ts'
import { normaliseHeader } from './normalise-header.ts'
import { sniffValues } from './sniff-values.ts'
import type { ConceptId } from './synonyms.ts'
import { detectDateOrder } from './transforms/date.ts'
import { normalisePhone } from './transforms/phone.ts'
import type { Transform } from './transforms/transform.ts'
import { choicesOf, suggestValueMap, valueKey } from './transforms/value-map.ts'

// After columns are matched to fields, the shapes and transforms that make their values fit:
// a full-name column split over first- and last-name fields, first and last name joined into a
// full-name field, phone numbers read for a country, dates read in the one order that fits them,
// and words for choices mapped to the provider's options. Only what the sample shows is certain is
// proposed; an ambiguous date order, for one, is left for the person to decide.

export interface ProposalContext {
  /** The file's first rows' values, per column. */
  samples: readonly (readonly string[])[]
  /**
   * The country for phone numbers written without one, when the file itself does not say (from the
   * provider's market or the computer's region). Without it, local numbers are left for review.
   */
  defaultCountry?: string
}

export interface Proposal {
  assignments: Assignment[]
  /** Suggestions for the assignments the proposal added (splits and joins), to explain them. */
  added: MatchSuggestion[]
}

const SHAPE_CONFIDENCE = 0.8

/** The columns whose header names this concept, e.g. "Imię i nazwisko" for the full name. */
function columnsNaming(headers: readonly string[], concept: ConceptId): number[] {
  return headers.flatMap((header, column) =>
    conceptsOfHeader(normaliseHeader(header)).some((entry) => entry.concept === concept) ? [column] : [],
  )
}

function fieldFor(provider: ProviderDefinition, concept: ConceptId): ProviderField | null {
  const concepts = fieldConcepts(provider)
  return provider.fields.find((_, index) => (concepts[index] ?? []).includes(concept)) ?? null
}

/** Full name → first + last name fields, or first + last name → a full-name field. */
function nameShapes(
  headers: readonly string[],
  provider: ProviderDefinition,
  assignments: Assignment[],
): MatchSuggestion[] {
  const mappedFields = new Set(assignments.map((assignment) => assignment.field))
  const usedColumns = new Set(assignments.map((assignment) => assignment.column))
  const free = (field: ProviderField | null): field is ProviderField =>
    field !== null && !mappedFields.has(field.key)
  const first = fieldFor(provider, 'firstName')
  const last = fieldFor(provider, 'lastName')
  const full = fieldFor(provider, 'fullName')
  const added: MatchSuggestion[] = []

  const fullColumn = columnsNaming(headers, 'fullName').find((column) => !usedColumns.has(column))
  if (fullColumn !== undefined && free(first) && free(last)) {
    const header = headers[fullColumn]!
    for (const [field, part] of [
      [first, 'allButLast'],
      [last, 'last'],
    ] as const) {
      assignments.push({ field: field.key, column: fullColumn, transforms: [{ kind: 'namePart', part }] })
      added.push({
        field: field.key,
        column: fullColumn,
        reason: 'synonym',
        confidence: SHAPE_CONFIDENCE,
        explanation: message(part === 'last' ? 'mapping:match.splitLast' : 'mapping:match.splitAllButLast', {
          header,
        }),
      })
    }
    return added
  }

  const firstColumn = columnsNaming(headers, 'firstName').find((column) => !usedColumns.has(column))
  const lastColumn = columnsNaming(headers, 'lastName').find((column) => !usedColumns.has(column))
  if (free(full) && firstColumn !== undefined && lastColumn !== undefined) {
    assignments.push({ field: full.key, column: firstColumn, joinColumns: [lastColumn] })
    added.push({
      field: full.key,
      column: firstColumn,
      reason: 'synonym',
      confidence: SHAPE_CONFIDENCE,
      explanation: message('mapping:match.joined', {
        first: headers[firstColumn] ?? '',
        last: headers[lastColumn] ?? '',
      }),
    })
  }
  return added
}

const isPhoneField = (field: ProviderField, concepts: readonly ConceptId[]): boolean =>
  field.type === 'phone' || concepts.includes('phone') || concepts.includes('mobile')

/** The country the file's own country column names for most rows, e.g. `PL`. */
function countryOfFile(
  provider: ProviderDefinition,
  assignments: readonly Assignment[],
  samples: ProposalContext['samples'],
): string | undefined {
  const concepts = fieldConcepts(provider)
  for (const assignment of assignments) {
    const index = provider.fields.findIndex((field) => field.key === assignment.field)
    if (!(concepts[index] ?? []).includes('country')) continue
    const values = samples[assignment.column] ?? []
    if (sniffValues(values) !== 'country') continue
    const counts = new Map<string, number>()
    for (const value of values) {
      const code = value.trim().toUpperCase()
      if (code !== '') counts.set(code, (counts.get(code) ?? 0) + 1)
    }
    const [top] = [...counts].sort((a, b) => b[1] - a[1])
    if (top && top[1] * 2 > values.filter((value) => value.trim() !== '').length)
      return top[0] === 'UK' ? 'GB' : top[0]
  }
  return undefined
}

function transformsFor(
  field: ProviderField,
  concepts: readonly ConceptId[],
  values: readonly string[],
  country: string | undefined,
): Transform[] {
  const present = values.map((value) => value.trim()).filter((value) => value !== '')
  if (present.length === 0) return []
  if (isPhoneField(field, concepts)) {
    // Numbers already international need nothing; local ones need a country to be read in, and only
    // one they make sense in: most must then be possible numbers (601 234 567 is not a US number).
    const local = present.filter((value) => !/^(\+|00)/.test(value))
    if (local.length === 0 || !country) return []
    const read = local.filter((value) => normalisePhone(value, country).startsWith('+')).length
    return read >= local.length * 0.8 ? [{ kind: 'phone', country }] : []
  }
  if (field.type === 'date' || field.type === 'datetime') {
    const detected = detectDateOrder(present)
    return detected.kind === 'order' ? [{ kind: 'date', order: detected.order }] : []
  }
  const choices = choicesOf(field)
  if (choices.length > 0) {
    const distinct = [...new Map(present.map((value) => [valueKey(value), value])).values()]
    const values = suggestValueMap(distinct, choices)
    return values.length > 0 ? [{ kind: 'valueMap', values }] : []
  }
  return []
}

/**
 * The matched assignments with the shapes and transforms their columns need, and explanations for
 * the fields that were filled by a split or a join. Assignments that already have transforms (a
 * template's) are left as they are.
 */
export function proposeShapes(
  headers: readonly string[],
  provider: ProviderDefinition,
  matched: readonly Assignment[],
  context: ProposalContext,
): Proposal {
  const assignments = matched.map((assignment) => ({ ...assignment }))
  const added = nameShapes(headers, provider, assignments)
  const concepts = fieldConcepts(provider)
  const country = countryOfFile(provider, assignments, context.samples) ?? context.defaultCountry
  const proposed = assignments.map((assignment) => {
    if (assignment.transforms && assignment.transforms.length > 0) return assignment
    const index = provider.fields.findIndex((field) => field.key === assignment.field)
    const field = provider.fields[index]
    if (!field) return assignment
    const transforms = transformsFor(
      field,
      concepts[index] ?? [],
      context.samples[assignment.column] ?? [],
      country,
    )
    return transforms.length > 0 ? { ...assignment, transforms } : assignment
  })
  return { assignments: proposed, added }
}

/** Where customers of a provider mostly are, for phone numbers written without a country code. */
const PROVIDER_MARKETS: Readonly<Partial<Record<ProviderDefinition['id'], string>>> = {
  thulium: 'PL',
}

/**
 * The country to read local phone numbers in when the file does not say: the provider's home market
 * if it has one, else the region the locale states (`pl-PL`, `pl_PL.UTF-8` → PL), else none.
 */
export function defaultPhoneCountry(
  providerId: ProviderDefinition['id'],
  locale: string | undefined,
): string | undefined {
  const market = PROVIDER_MARKETS[providerId]
  if (market) return market
  const region = locale ? /[-_]([A-Za-z]{2})(?:$|[-_.@])/.exec(locale)?.[1] : undefined
  return region?.toUpperCase()
}
