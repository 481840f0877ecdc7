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

  it('trims the spaces spreadsheets carry beyond ASCII, and leaves letters beyond ASCII alone', () => {
    const mapping = {
      providerId: 'kustomer' as const,
      assignments: [
        { field: 'name', column: 0 },
        { field: 'emails.0.email', column: 1 },
      ],
    }
    // A no-break space from Excel, an ideographic space, a byte-order mark; then Polish and Cyrillic.
    expect(applyMapping(['\u00a0Łucja Źdźbło\u3000', '\ufeffanna@example.com'], mapping)).toEqual({
      name: 'Łucja Źdźbło',
      'emails.0.email': 'anna@example.com',
    })
    expect(applyMapping(['Жанна', 'ą@ę.pl'], mapping)).toEqual({ name: 'Жанна', 'emails.0.email': 'ą@ę.pl' })
  })

  it('joins columns, skipping empty ones, so first + last name make one name', () => {
    const mapping = {
      providerId: 'kustomer' as const,
      assignments: [{ field: 'name', column: 0, joinColumns: [1, 2] }],
    }
    expect(applyMapping(['Ada', ' ', 'Lovelace'], mapping)).toEqual({ name: 'Ada Lovelace' })
    expect(applyMapping(['', '', ''], mapping)).toEqual({})
  })

  it('feeds two fields from one full-name column', () => {
    const mapping = {
      providerId: 'thulium' as const,
      assignments: [
        {
          field: 'name',
          column: 0,
          transforms: [{ kind: 'namePart' as const, part: 'allButLast' as const }],
        },
        { field: 'surname', column: 0, transforms: [{ kind: 'namePart' as const, part: 'last' as const }] },
      ],
    }
    expect(applyMapping(['Anna Maria Nowak'], mapping)).toEqual({ name: 'Anna Maria', surname: 'Nowak' })
    // A lone given name leaves the surname out rather than sending an empty one.
    expect(applyMapping(['Cher'], mapping)).toEqual({ name: 'Cher' })
  })

  it('applies transforms in order, then the value for empty cells, then constants', () => {
    const mapping = {
      providerId: 'propeller' as const,
      assignments: [
        {
          field: 'phone',
          column: 0,
          transforms: [{ kind: 'phone' as const, country: 'PL' }],
        },
        {
          field: 'gender',
          column: 1,
          transforms: [
            { kind: 'collapseSpaces' as const },
            { kind: 'valueMap' as const, values: [{ from: 'Kobieta', to: 'F' }] },
          ],
          fallback: 'U',
        },
      ],
      constants: [
        { field: 'company', value: 'Private' },
        { field: 'phone', value: 'never used: the column fills it' },
      ],
    }
    expect(applyMapping(['601 234 567', ' kobieta '], mapping)).toEqual({
      phone: '+48601234567',
      gender: 'F',
      company: 'Private',
    })
    expect(applyMapping(['', ''], mapping)).toEqual({
      gender: 'U',
      company: 'Private',
      phone: 'never used: the column fills it',
    })
  })
})

describe('normaliseHeader', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(normaliseHeader(' E-mail Address ')).toBe('emailaddress')
    expect(normaliseHeader('Imię')).toBe('imie')
    expect(normaliseHeader('Téléphone_1')).toBe('telephone1')
  })
})
