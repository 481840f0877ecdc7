import { describe, expect, it } from 'vitest'
import { formatMessage } from '#shared/i18n/i18n.ts'
import type { Message } from '#shared/i18n/message.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import {
  checkBoolean,
  checkChoice,
  checkDate,
  checkDateTime,
  checkE164Phone,
  checkEmail,
  checkInteger,
  checkLocale,
  checkMaxLength,
  checkNumber,
  checkUrl,
  normaliseBoolean,
  normaliseChoice,
  normaliseNumber,
  normaliseToE164,
  splitList,
} from '#shared/validation/rules.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

/** What a person reads for a rule's finding (in English: the tests run in English). */
const said = (found: Message | null) => (found ? formatMessage(found) : null)

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
    expect(said(checkEmail(email))).toContain(`"${email}" is not a valid email address`)
  })

  it('normalises common phone spellings to E.164', () => {
    expect(normaliseToE164('+44 20 7946 0001')).toBe('+442079460001')
    expect(normaliseToE164('+1 (415) 555-0100')).toBe('+14155550100')
    expect(normaliseToE164('0048 601 234 567')).toBe('+48601234567')
    expect(normaliseToE164('601 234 567')).toBe('601234567')
  })

  it('accepts only international phone numbers', () => {
    expect(checkE164Phone('+14155550100')).toBeNull()
    expect(said(checkE164Phone('601234567'))).toMatch(/international format/)
    expect(checkE164Phone('+0123456789')).not.toBeNull()
    expect(checkE164Phone('+1415555010012345')).not.toBeNull()
  })

  it('checks locales', () => {
    expect(checkLocale('en_US')).toBeNull()
    expect(checkLocale('pl')).toBeNull()
    expect(checkLocale('es-419')).toBeNull()
    expect(said(checkLocale('English'))).toMatch(/not a locale/)
  })

  it('checks lengths and splits lists', () => {
    expect(checkMaxLength('abc', 3)).toBeNull()
    expect(said(checkMaxLength('abcd', 3))).toMatch(/4 characters long; the limit is 3/)
    expect(splitList(' vip; newsletter,, 2024 |x ')).toEqual(['vip', 'newsletter', '2024', 'x'])
  })
})

describe('typed fields', () => {
  it('reads decimal commas and refuses words as numbers', () => {
    expect(normaliseNumber('1 250,50')).toBe('1250.50')
    expect(checkNumber(normaliseNumber('12,5'))).toBeNull()
    expect(said(checkNumber('twelve'))).toMatch(/not a number/)
    expect(said(checkInteger('12.5'))).toMatch(/whole number/)
  })

  it('accepts only real calendar dates', () => {
    expect(checkDate('2024-02-29')).toBeNull()
    expect(said(checkDate('2023-02-29'))).toMatch(/YYYY-MM-DD/)
    expect(said(checkDate('29.02.2024'))).toMatch(/YYYY-MM-DD/)
    expect(checkDateTime('2024-03-01T09:30:00Z')).toBeNull()
    expect(checkDateTime('2024-03-01')).toBeNull()
    expect(said(checkDateTime('2024-13-01T09:30:00Z'))).toMatch(/date and time/)
  })

  it('understands yes/no in English and Polish', () => {
    expect(['Yes', 'TAK', '1', 'true'].map(normaliseBoolean)).toEqual(['true', 'true', 'true', 'true'])
    expect(['no', 'Nie', '0'].map(normaliseBoolean)).toEqual(['false', 'false', 'false'])
    expect(said(checkBoolean(normaliseBoolean('maybe')))).toMatch(/yes or no/)
  })

  it('accepts web addresses and choices, whatever their case', () => {
    expect(checkUrl('https://example.com/x')).toBeNull()
    expect(said(checkUrl('javascript:alert(1)'))).toMatch(/web address/)
    expect(normaliseChoice(' female ', ['male', 'female'])).toBe('female')
    expect(said(checkChoice('other', ['male', 'female']))).toMatch(/male, female/)
  })

  it('validates a record field by its type, after normalising it', () => {
    const provider = {
      id: 'kustomer',
      displayName: 'Test',
      tagline: '',
      custom: null,
      limits: { maxItemsPerRequest: 1, maxBodyBytes: 1 },
      connection: { fields: [], baseUrl: () => '' },
      fields: [
        { key: 'vip', label: 'VIP', group: 'other', type: 'boolean', required: false, help: '', aliases: [] },
        { key: 'born', label: 'Born', group: 'other', type: 'date', required: false, help: '', aliases: [] },
      ],
    } satisfies ProviderDefinition
    expect(validateRecord(provider, { vip: 'Tak', born: '1990-04-23' })).toEqual([])
    expect(
      validateRecord(provider, { vip: 'perhaps', born: '23/04/1990' }).map((issue) => issue.rule),
    ).toEqual(['boolean', 'date'])
  })
})
