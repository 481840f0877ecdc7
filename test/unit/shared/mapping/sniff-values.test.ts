import { describe, expect, it } from 'vitest'
import { editDistance, typoSimilarity } from '#shared/mapping/similarity.ts'
import { sniffValues } from '#shared/mapping/sniff-values.ts'

describe('sniffValues', () => {
  it.each([
    ['email', ['a@b.com', 'jan@firma.pl', 'x.y@z.co.uk']],
    ['phone', ['+48 601 234 567', '(020) 123-4567', '0031 6 12345678', '601.234.567']],
    ['date', ['1985-03-12', '12.03.1985', '2024-01-05T10:00:00Z']],
    ['postcode', ['00-950', '1012 AB', 'SW1A 1AA']],
    ['country', ['PL', 'NL', 'GB', 'US']],
    ['language', ['pl', 'nl-NL', 'en_GB', 'de']],
    ['gender', ['Kobieta', 'Mężczyzna', 'kobieta']],
  ])('recognises %s', (kind, values) => {
    expect(sniffValues(values)).toBe(kind)
  })

  it('tolerates one stray value in ten', () => {
    expect(sniffValues([...Array.from({ length: 9 }, (_, i) => `user${i}@example.com`), 'n/a'])).toBe('email')
  })

  it.each([
    ['mixed kinds', ['a@b.com', '+48 601 234 567', 'a@c.com', '+31 6 1234 5678']],
    ['too few values', ['a@b.com', '', ' ']],
    ['bare numbers (ids or postcodes?)', ['10115', '20095', '80331', '1234567']],
    ['amounts with cents', ['12345.67', '1999.00', '250000.5', '73.10']],
    ['one repeated letter', ['M', 'M', 'M', 'M']],
    ['free text', ['Loves cats', 'VIP', 'Call after 5']],
  ])('refuses %s', (_what, values) => {
    expect(sniffValues(values)).toBeNull()
  })
})

describe('typo similarity', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('emial', 'email')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it('accepts slips in long enough names and nothing else', () => {
    expect(typoSimilarity('fristname', 'firstname')).toBeGreaterThan(0.8)
    expect(typoSimilarity('emial', 'email')).toBeGreaterThan(0)
    expect(typoSimilarity('count', 'county')).toBe(0)
    expect(typoSimilarity('notes2', 'notes')).toBe(0)
    expect(typoSimilarity('phone3', 'phone2')).toBe(0)
    expect(typoSimilarity('tel', 'tag')).toBe(0)
    expect(typoSimilarity('loyaltytier', 'loyaltytype')).toBe(0)
  })
})
