import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLanguage } from '#shared/i18n/i18n.ts'
import { LANGUAGES } from '#shared/i18n/languages.ts'
import { cellPhrases } from '../../../renderer/src/features/review/cell-phrases.ts'
import { fillable } from '../../../renderer/src/lib/fillable.ts'

afterEach(() => setLanguage('en'))

// Values that would mean something to i18next or to a template if they were read as one.
const VALUES = [
  'Ann',
  '',
  '{{value}}',
  '$t(cell.empty)',
  'a\uE000b',
  'a\u0000b',
  '$&',
  '12 345',
  'Łódź, ул. Ленина 5',
]

describe('fillable', () => {
  it('fills a sentence exactly as t() does, in every language', () => {
    for (const language of LANGUAGES) {
      setLanguage(language)
      const t = i18n.getFixedT(language, 'review')
      const phrases = cellPhrases(t)
      for (const value of VALUES) {
        expect(phrases.inYourFile({ value })).toBe(t('cell.inYourFile', { value }))
        expect(phrases.error({ message: value })).toBe(t('cell.error', { message: value }))
        expect(phrases.edit({ field: value, row: 17 })).toBe(t('cell.edit', { field: value, row: 17 }))
        expect(phrases.firstOf({ size: value })).toBe(t('row.firstOf', { size: value }))
      }
      expect(phrases.send({ row: 1_000_001 })).toBe(t('row.send', { row: 1_000_001 }))
      expect(phrases.loading).toBe(t('cell.loading'))
    }
  })

  it('keeps placeholders in the order the translation puts them, and repeats', () => {
    const sentence = fillable(({ a, b }) => `${b} then ${a}, again ${b}`, ['a', 'b'])
    expect(sentence({ a: 'first', b: 'second' })).toBe('second then first, again second')
  })

  it('is the sentence itself when it has no placeholder', () => {
    expect(fillable(() => 'Loading', ['value'])({ value: 'x' })).toBe('Loading')
  })
})
