import { describe, expect, it } from 'vitest'
import { fieldConcepts } from '#shared/mapping/concepts.ts'
import { normaliseHeader } from '#shared/mapping/normalise-header.ts'
import { CONCEPTS, type ConceptId } from '#shared/mapping/synonyms.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'

const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[]

describe('the synonym table', () => {
  it('gives every name to one concept only, so a header never means two things', () => {
    const owner = new Map<string, ConceptId>()
    const clashes: string[] = []
    for (const concept of CONCEPT_IDS) {
      for (const name of Object.values(CONCEPTS[concept].names).flat()) {
        const key = normaliseHeader(name)
        const existing = owner.get(key)
        if (existing && existing !== concept) clashes.push(`${name}: ${existing} and ${concept}`)
        owner.set(key, concept)
      }
    }
    expect(clashes).toEqual([])
  })

  it('has names in all six languages for every concept', () => {
    for (const concept of CONCEPT_IDS) {
      expect(Object.keys(CONCEPTS[concept].names).sort(), concept).toEqual([
        'de',
        'en',
        'es',
        'fr',
        'nl',
        'pl',
      ])
    }
  })

  it('reaches a field of some provider from every concept, through the schemas’ own labels and aliases', () => {
    const reached = new Set(Object.values(PROVIDERS).flatMap((provider) => fieldConcepts(provider).flat()))
    expect(CONCEPT_IDS.filter((concept) => !reached.has(concept))).toEqual([])
  })

  it('does not make Thulium’s first-name field (keyed `name`) a full name', () => {
    const thulium = PROVIDERS.thulium
    const index = thulium.fields.findIndex((field) => field.key === 'name')
    expect(fieldConcepts(thulium)[index]).toEqual(['firstName'])
  })
})
