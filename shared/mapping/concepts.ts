import type { ProviderDefinition } from '../providers/types.ts'
import { normaliseHeader } from './normalise-header.ts'
import { CONCEPTS, type ConceptId, type Language } from './synonyms.ts'

// Lookups over the synonym table: which concepts a header names (and in which languages), and which
// of a provider's fields stand for each concept.

export interface HeaderConcept {
  concept: ConceptId
  /** Every language whose list has this name ("Telefon" is Polish and German). */
  languages: Language[]
}

const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[]

const BY_NAME: ReadonlyMap<string, readonly HeaderConcept[]> = (() => {
  const index = new Map<string, HeaderConcept[]>()
  for (const concept of CONCEPT_IDS) {
    for (const [language, names] of Object.entries(CONCEPTS[concept].names) as [Language, string[]][]) {
      for (const name of names) {
        const key = normaliseHeader(name)
        const entries = index.get(key) ?? []
        const entry = entries.find((existing) => existing.concept === concept)
        if (entry) {
          if (!entry.languages.includes(language)) entry.languages.push(language)
        } else {
          entries.push({ concept, languages: [language] })
        }
        index.set(key, entries)
      }
    }
  }
  return index
})()

/** The concepts a (normalised) header names, e.g. `imie` → first name in Polish. */
export function conceptsOfHeader(normalised: string): readonly HeaderConcept[] {
  return BY_NAME.get(normalised) ?? []
}

/** Every name in the synonym table, normalised: a header that is one of them is a word, not a typo. */
export function isKnownName(normalised: string): boolean {
  return BY_NAME.has(normalised)
}

/** All names of a concept in every language, as written (for typo matching and explanations). */
export function namesOfConcept(concept: ConceptId): string[] {
  return Object.values(CONCEPTS[concept].names).flat()
}

const FIELD_CONCEPTS = new WeakMap<ProviderDefinition, readonly (readonly ConceptId[])[]>()

/**
 * The concepts of each of the provider's fields (by field index): a field stands for a concept when
 * its label or an alias is one of the concept's English field names. The key is left out on purpose:
 * Thulium's first-name field is keyed `name`, which must not make it a full name.
 */
export function fieldConcepts(provider: ProviderDefinition): readonly (readonly ConceptId[])[] {
  const cached = FIELD_CONCEPTS.get(provider)
  if (cached) return cached
  const result = provider.fields.map((field) => {
    const names = new Set([field.label, ...field.aliases].map(normaliseHeader))
    return CONCEPT_IDS.filter((concept) =>
      CONCEPTS[concept].fieldNames.some((name) => names.has(normaliseHeader(name))),
    )
  })
  FIELD_CONCEPTS.set(provider, result)
  return result
}
