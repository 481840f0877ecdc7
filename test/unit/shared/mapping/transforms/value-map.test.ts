import { describe, expect, it } from 'vitest'
import { compileValueMap, suggestValueMap } from '#shared/mapping/transforms/value-map.ts'

describe('value maps', () => {
  it('replaces listed values ignoring case, accents and spaces, and keeps the rest', () => {
    const map = compileValueMap([
      { from: 'Kobieta', to: 'F' },
      { from: 'Mężczyzna', to: 'M' },
    ])
    expect(map(' kobieta ')).toBe('F')
    expect(map('MEZCZYZNA')).toBe('M')
    expect(map('nie wiem')).toBe('nie wiem')
  })

  it('suggests the option each word means, in several languages', () => {
    expect(
      suggestValueMap(['Kobieta', 'Mężczyzna', 'Vrouw', 'female', 'F', 'kobieta'], ['M', 'F', 'U']),
    ).toEqual([
      { from: 'Kobieta', to: 'F' },
      { from: 'Mężczyzna', to: 'M' },
      { from: 'Vrouw', to: 'F' },
      { from: 'female', to: 'F' },
    ])
    expect(suggestValueMap(['Tak', 'Nie', 'yes'], ['Y', 'N'])).toEqual([
      { from: 'Tak', to: 'Y' },
      { from: 'Nie', to: 'N' },
      { from: 'yes', to: 'Y' },
    ])
  })

  it('suggests nothing for values it cannot place, or already accepted', () => {
    expect(suggestValueMap(['Gold', 'Silver', 'f'], ['M', 'F', 'U'])).toEqual([])
  })
})
