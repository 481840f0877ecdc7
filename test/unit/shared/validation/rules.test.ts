import { describe, expect, it } from 'vitest'
import {
  checkE164Phone,
  checkEmail,
  checkLocale,
  checkMaxLength,
  normaliseToE164,
  splitList,
} from '#shared/validation/rules.ts'

describe('value rules', () => {
  it.each(['ann@example.com', 'ann.o+tag@sub.example.co.uk', 'łucja@przykład.pl'])(
    'accepts the email %s',
    (email) => {
      expect(checkEmail(email)).toBeNull()
    },
  )

  it.each([
    'edsger@@example.com',
    'ann@example',
    'ann example@x.com',
    '@example.com',
    'ann@.com',
    'ann@example.',
  ])('refuses the email %s with a message that quotes it', (email) => {
    expect(checkEmail(email)).toContain(`"${email}" is not a valid email address`)
  })

  it('normalises common phone spellings to E.164', () => {
    expect(normaliseToE164('+44 20 7946 0001')).toBe('+442079460001')
    expect(normaliseToE164('+1 (415) 555-0100')).toBe('+14155550100')
    expect(normaliseToE164('0048 601 234 567')).toBe('+48601234567')
    expect(normaliseToE164('601 234 567')).toBe('601234567')
  })

  it('accepts only international phone numbers', () => {
    expect(checkE164Phone('+14155550100')).toBeNull()
    expect(checkE164Phone('601234567')).toMatch(/international format/)
    expect(checkE164Phone('+0123456789')).not.toBeNull()
    expect(checkE164Phone('+1415555010012345')).not.toBeNull()
  })

  it('checks locales', () => {
    expect(checkLocale('en_US')).toBeNull()
    expect(checkLocale('pl')).toBeNull()
    expect(checkLocale('es-419')).toBeNull()
    expect(checkLocale('English')).toMatch(/not a locale/)
  })

  it('checks lengths and splits lists', () => {
    expect(checkMaxLength('abc', 3)).toBeNull()
    expect(checkMaxLength('abcd', 3)).toMatch(/4 characters long; the limit is 3/)
    expect(splitList(' vip; newsletter,, 2024 |x ')).toEqual(['vip', 'newsletter', '2024', 'x'])
  })
})
