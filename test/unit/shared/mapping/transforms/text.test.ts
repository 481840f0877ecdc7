import { describe, expect, it } from 'vitest'
import { changeCase, collapseSpaces, namePart, splitPart } from '#shared/mapping/transforms/text.ts'

describe('text transforms', () => {
  it('collapses runs of spaces, tabs and line breaks', () => {
    expect(collapseSpaces('  Anna \t  Maria\nNowak ')).toBe('Anna Maria Nowak')
  })

  it('changes case, title case capitalising each word and each part of a double name', () => {
    expect(changeCase('jan KOWALSKI-nowak', 'title')).toBe('Jan Kowalski-Nowak')
    expect(changeCase("o'brien", 'title')).toBe("O'Brien")
    expect(changeCase('łódź', 'upper')).toBe('ŁÓDŹ')
    expect(changeCase('ŻANETA', 'lower')).toBe('żaneta')
  })

  it('splits a full name into given names and family name', () => {
    expect(namePart('Anna Maria Nowak', 'allButLast')).toBe('Anna Maria')
    expect(namePart('Anna Maria Nowak', 'last')).toBe('Nowak')
    expect(namePart('Anna Maria Nowak', 'first')).toBe('Anna')
    expect(namePart('Anna Maria Nowak', 'allButFirst')).toBe('Maria Nowak')
  })

  it('keeps particles with the family name', () => {
    expect(namePart('Jan de Vries', 'allButLast')).toBe('Jan')
    expect(namePart('Jan de Vries', 'last')).toBe('de Vries')
    expect(namePart('Ludwig van der Berg', 'last')).toBe('van der Berg')
    expect(namePart('Maria dos Santos', 'allButLast')).toBe('Maria')
  })

  it('reads "Family, Given" the way exports write it', () => {
    expect(namePart('Kowalski, Jan', 'allButLast')).toBe('Jan')
    expect(namePart('Kowalski, Jan', 'last')).toBe('Kowalski')
  })

  it('treats a single word as a given name, never a family name', () => {
    expect(namePart('Cher', 'allButLast')).toBe('Cher')
    expect(namePart('Cher', 'last')).toBe('')
  })

  it('takes one piece of a value split at a separator', () => {
    expect(splitPart('Warszawa, PL', ',', 1)).toBe('PL')
    expect(splitPart('Warszawa', ',', 1)).toBe('')
  })
})
