import { message, type Message } from '../i18n/message.ts'
import type { ProviderDefinition, ProviderField } from '../providers/types.ts'
import { conceptsOfHeader, fieldConcepts, isKnownName, namesOfConcept } from './concepts.ts'
import type { Assignment } from './mapping.ts'
import { normaliseHeader } from './normalise-header.ts'
import { typoSimilarity } from './similarity.ts'
import { sniffValues, type ValueKind } from './sniff-values.ts'
import { CONCEPTS, type ConceptId, type Language } from './synonyms.ts'

export { normaliseHeader } from './normalise-header.ts'

/**
 * How a suggestion was found: the field's own key, label or alias; a name from the synonym table;
 * a typo of a known name; or the column's values alone.
 */
export type MatchReason = 'key' | 'label' | 'alias' | 'synonym' | 'fuzzy' | 'content'

export interface MatchSuggestion extends Assignment {
  reason: MatchReason
  /** 0..1: how sure the match is; see confidenceLevel. */
  confidence: number
  /**
   * Why, for a non-developer, e.g. `Matched by name in Polish: “Imię”` (kept as a Message, put into
   * words by describeSuggestion in the language of the moment).
   */
  explanation: Message
  /** The header matched, but the values look like something else ("Phone" full of email addresses). */
  doubt?: ValueKind
}

/** The explanation of a suggestion in the current language, with the doubt when there is one. */
export function describeSuggestion(
  suggestion: Pick<MatchSuggestion, 'explanation' | 'doubt'>,
  format: (message: Message) => string,
): string {
  const because = format(suggestion.explanation)
  return suggestion.doubt
    ? because + format(message('mapping:match.doubt', { kind: suggestion.doubt }))
    : because
}

export type ConfidenceLevel = 'high' | 'medium' | 'low'

/** Below "medium" a person should look at the match before uploading. */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.85) return 'high'
  if (confidence >= 0.7) return 'medium'
  return 'low'
}

// Layer confidences. A synonym is nearly as good as the field's own name; a fallback concept (a mobile
// sent as the only phone) is a little less; a typo or the values alone always deserve a look.
const EXACT = 1
const SYNONYM = 0.9
const FALLBACK = 0.75
const TYPO_SCALE = 0.7
const CONTENT = 0.65
/** A header the values contradict keeps its match, at a confidence that asks for a check. */
const CONTRADICTED_SCALE = 0.4

const REASON_RANK: Readonly<Record<MatchReason, number>> = {
  key: 0,
  label: 1,
  alias: 2,
  synonym: 3,
  fuzzy: 4,
  content: 5,
}

interface Candidate extends MatchSuggestion {
  fieldIndex: number
}

/** The languages are codes; the catalog's `languageList` format names them in the reader's language. */
function nameExplanation(header: string, languages: readonly Language[]): Message {
  return languages.length > 0
    ? message('mapping:match.byNameIn', { header: header.trim(), languages: languages.join(',') })
    : message('mapping:match.byName', { header: header.trim() })
}

/** Layer a: the header is the field's key, label or one of its aliases. */
function exactCandidates(header: string, column: number, provider: ProviderDefinition): Candidate[] {
  const normalised = normaliseHeader(header)
  // Say which language an alias is in when the synonym table knows ("Imię" is Polish).
  const languages = conceptsOfHeader(normalised)
    .flatMap((entry) => entry.languages)
    .filter((language, index, all) => language !== 'en' && all.indexOf(language) === index)
  const candidates: Candidate[] = []
  provider.fields.forEach((field, fieldIndex) => {
    const reason: MatchReason | null =
      normaliseHeader(field.key) === normalised
        ? 'key'
        : normaliseHeader(field.label) === normalised
          ? 'label'
          : field.aliases.some((alias) => normaliseHeader(alias) === normalised)
            ? 'alias'
            : null
    if (!reason) return
    const explanation = nameExplanation(header, reason === 'alias' ? languages : [])
    candidates.push({ field: field.key, column, fieldIndex, reason, confidence: EXACT, explanation })
  })
  return candidates
}

function fieldsOf(provider: ProviderDefinition, concept: ConceptId): number[] {
  return fieldConcepts(provider).flatMap((concepts, index) => (concepts.includes(concept) ? [index] : []))
}

/** Layer b: the header is a name of a concept in the synonym table, and the provider has that concept. */
function synonymCandidates(header: string, column: number, provider: ProviderDefinition): Candidate[] {
  const candidates: Candidate[] = []
  for (const { concept, languages } of conceptsOfHeader(normaliseHeader(header))) {
    const explanation = nameExplanation(header, languages)
    let fields = fieldsOf(provider, concept)
    let confidence = SYNONYM
    const fallback = CONCEPTS[concept].fallback
    if (fields.length === 0 && fallback) {
      fields = fieldsOf(provider, fallback)
      confidence = FALLBACK
    }
    for (const fieldIndex of fields) {
      const field = provider.fields[fieldIndex]!
      candidates.push({ field: field.key, column, fieldIndex, reason: 'synonym', confidence, explanation })
    }
  }
  return candidates
}

/** Every name a field goes by, as written: label, aliases and the names of its concepts. */
function namesOfField(field: ProviderField, concepts: readonly ConceptId[]): string[] {
  return [field.label, ...field.aliases, ...concepts.flatMap(namesOfConcept)]
}

/** Layer c: the header is a typo of one of a field's names. Words the synonym table knows are never typos. */
function typoCandidates(header: string, column: number, provider: ProviderDefinition): Candidate[] {
  const normalised = normaliseHeader(header)
  if (isKnownName(normalised)) return []
  const concepts = fieldConcepts(provider)
  const candidates: Candidate[] = []
  provider.fields.forEach((field, fieldIndex) => {
    let best = { similarity: 0, name: '' }
    for (const name of namesOfField(field, concepts[fieldIndex] ?? [])) {
      const similarity = typoSimilarity(normalised, normaliseHeader(name))
      if (similarity > best.similarity) best = { similarity, name }
    }
    if (best.similarity === 0) return
    candidates.push({
      field: field.key,
      column,
      fieldIndex,
      reason: 'fuzzy',
      confidence: TYPO_SCALE * best.similarity,
      explanation: message('mapping:match.typo', { header: header.trim(), name: best.name.trim() }),
    })
  })
  return candidates
}

/** The kinds of values a field takes, from its type and its concepts (Thulium's phone is typed text). */
function expectedKinds(field: ProviderField, concepts: readonly ConceptId[]): Set<ValueKind> {
  const kinds = new Set<ValueKind>()
  if (field.type === 'email') kinds.add('email')
  if (field.type === 'phone') kinds.add('phone')
  if (field.type === 'date' || field.type === 'datetime') kinds.add('date')
  if (field.type === 'locale') kinds.add('language')
  for (const concept of concepts) {
    if (concept === 'email') kinds.add('email')
    if (concept === 'phone' || concept === 'mobile') kinds.add('phone')
    if (concept === 'postalCode') kinds.add('postcode')
    if (concept === 'gender') kinds.add('gender')
    if (concept === 'birthDate' || concept === 'signupDate' || concept === 'createdDate') kinds.add('date')
    // Two-letter codes are countries or languages depending only on their case; accept both.
    if (concept === 'country' || concept === 'language') {
      kinds.add('country')
      kinds.add('language')
    }
  }
  return kinds
}

/** The fields a column of this kind could feed when its header says nothing. Dates could be any date. */
const SNIFF_TARGETS: Readonly<Partial<Record<ValueKind, readonly ConceptId[]>>> = {
  email: ['email'],
  phone: ['phone', 'mobile'],
  postcode: ['postalCode'],
  country: ['country'],
  language: ['language'],
  gender: ['gender'],
}

/** Layer d, first use: a column whose header matched nothing, placed by what its values clearly are. */
function contentCandidates(column: number, kind: ValueKind, provider: ProviderDefinition): Candidate[] {
  const targets = SNIFF_TARGETS[kind] ?? []
  const concepts = fieldConcepts(provider)
  const explanation = message('mapping:match.byValues', { kind })
  const candidates: Candidate[] = []
  provider.fields.forEach((field, fieldIndex) => {
    if (!(concepts[fieldIndex] ?? []).some((concept) => targets.includes(concept))) return
    candidates.push({
      field: field.key,
      column,
      fieldIndex,
      reason: 'content',
      confidence: CONTENT,
      explanation,
    })
  })
  return candidates
}

/** Layer d, second use: a header the values contradict ("Phone" full of email addresses) is doubted. */
function doubted(candidate: Candidate, kind: ValueKind | null, provider: ProviderDefinition): Candidate {
  if (!kind) return candidate
  const expected = expectedKinds(
    provider.fields[candidate.fieldIndex]!,
    fieldConcepts(provider)[candidate.fieldIndex] ?? [],
  )
  if (expected.size === 0 || expected.has(kind)) return candidate
  return {
    ...candidate,
    confidence: candidate.confidence * CONTRADICTED_SCALE,
    doubt: kind,
  }
}

/**
 * The candidates for one column from the first name layer that has any: a header that is exactly a
 * field's name is about that field, so it is not also offered elsewhere as a synonym or a typo.
 */
function nameCandidates(header: string, column: number, provider: ProviderDefinition): Candidate[] {
  for (const layer of [exactCandidates, synonymCandidates, typoCandidates]) {
    const candidates = layer(header, column, provider)
    if (candidates.length > 0) return candidates
  }
  return []
}

/**
 * Suggests which column feeds which provider field, in layers: the field's own names, names in other
 * languages, typos of those names, then (with `samples`, the first rows' values per column) what the
 * values look like. Then greedily, surest first: each column feeds at most one field and each field
 * takes at most one column, so a file with two "Email" columns never silently maps both. Ties go to the
 * field listed first and then the leftmost column, as people expect. Suggestions come back in the
 * provider's field order.
 */
export function autoMatch(
  headers: readonly string[],
  provider: ProviderDefinition,
  samples: readonly (readonly string[])[] = [],
): MatchSuggestion[] {
  const candidates: Candidate[] = []
  headers.forEach((header, column) => {
    const columnSamples = samples[column]
    const kind = columnSamples ? sniffValues(columnSamples) : null
    const named = nameCandidates(header, column, provider)
    if (named.length > 0) candidates.push(...named.map((candidate) => doubted(candidate, kind, provider)))
    else if (kind) candidates.push(...contentCandidates(column, kind, provider))
  })
  candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      a.fieldIndex - b.fieldIndex ||
      REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
      a.column - b.column,
  )
  const usedColumns = new Set<number>()
  const usedFields = new Set<number>()
  const chosen: Candidate[] = []
  for (const candidate of candidates) {
    if (usedColumns.has(candidate.column) || usedFields.has(candidate.fieldIndex)) continue
    usedColumns.add(candidate.column)
    usedFields.add(candidate.fieldIndex)
    chosen.push(candidate)
  }
  return chosen
    .sort((a, b) => a.fieldIndex - b.fieldIndex)
    .map(({ field, column, reason, confidence, explanation, doubt }) => ({
      field,
      column,
      reason,
      confidence: Math.round(confidence * 100) / 100,
      explanation,
      ...(doubt ? { doubt } : {}),
    }))
}
