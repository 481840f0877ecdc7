import { describe, expect, it } from 'vitest'
import { applyMapping } from '#shared/mapping/apply-mapping.ts'
import { normaliseHeader } from '#shared/mapping/auto-match.ts'

describe('applyMapping', () => {
  it('trims values, drops empty cells and tolerates short rows', () => {
    const mapping = {
      providerId: 'kustomer' as const,
      assignments: [
        { field: 'name', column: 0 },
        { field: 'emails.0.email', column: 1 },
        { field: 'tags', column: 5 },
      ],
    }
    expect(applyMapping(['  Ada Lovelace ', '   '], mapping)).toEqual({ name: 'Ada Lovelace' })
  })
})

describe('normaliseHeader', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(normaliseHeader(' E-mail Address ')).toBe('emailaddress')
    expect(normaliseHeader('Imię')).toBe('imie')
    expect(normaliseHeader('Téléphone_1')).toBe('telephone1')
  })
})
