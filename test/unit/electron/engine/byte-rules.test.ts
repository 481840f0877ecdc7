import { describe, expect, it } from 'vitest'
import {
  checkDate,
  checkDateTime,
  checkE164Phone,
  checkEmail,
  normaliseToE164,
} from '#shared/validation/rules.ts'
import {
  isDateBytes,
  isDateTimeBytes,
  isE164PhoneBytes,
  isEmailBytes,
  isTrimmed,
} from '../../../../electron/engine/dataset/fast-path/byte-rules.ts'
import {
  hashAsciiBytes,
  hashText,
  identityPrefixHash,
} from '../../../../electron/engine/dataset/fast-path/identity-hash.ts'

// The byte forms of the field rules may say "not sure" (false) for a fine value, never "fine" (true)
// for a value the text rule would flag. Each is also shown to vouch for the usual good values, or it
// would be a test that cannot fail.

const utf8 = new TextEncoder()
/** The rule asked of a value's bytes, placed inside a larger buffer as in a file. */
function onBytes(rule: (bytes: Uint8Array, start: number, end: number) => boolean, value: string): boolean {
  const bytes = utf8.encode(`x,${value},y`)
  return rule(bytes, 2, bytes.length - 2)
}

const EMAILS = [
  'ann@example.com',
  'a.b+c@mail.co.uk',
  'a@b',
  'a@@b.co',
  'a b@c.de',
  'ümlaut@x.de',
  '@x.pl',
  'x@.pl',
  'x@y..pl',
  'x@y.pl.',
  '.x@y.pl',
  'o"q@x.pl',
  'x@y.p l',
  'x@y',
  '',
]
const PHONES = [
  '+48 600 100 200',
  '0048600100200',
  '+48-600-100-200',
  '600100200',
  '+0 600 100 200',
  '+48 (600) 100 200',
  '+4860010020012345',
  '00 48 600 100 200',
  '0 048 600',
  '+48\u00a0600100200',
  '+1',
  '+1234567',
  '+123456',
  '++48600100200',
  '00+48600100200',
  '000 48 600 100 200',
  '+48/600.100.200',
  '+48 600 100 2OO',
]
const DATES = [
  '1990-01-05',
  '1990-02-29',
  '2000-02-29',
  '1900-02-29',
  '1990-13-01',
  '1990-00-10',
  '1990-04-31',
  '90-01-05',
  '1990-1-5',
  '1990-01-05T10:00',
  '1990-01-05T10:00:00.123',
  '1990-01-05T10:00:00.1234',
  '1990-01-05 10:00:00+01:00',
  '2024-01-05T10:00:00+0100',
  '2024-01-05T10:00:00Z',
  '2024-01-05T10:00Z',
  '2024-01-05T10',
  '2024-01-05T10:00:00+01',
  '2024-01-05x',
  '',
]

describe('byte forms of the field rules', () => {
  it('vouch for an email only when checkEmail finds nothing', () => {
    for (const email of EMAILS) if (onBytes(isEmailBytes, email)) expect(checkEmail(email), email).toBeNull()
    expect(onBytes(isEmailBytes, 'ann@example.com')).toBe(true)
    expect(onBytes(isEmailBytes, 'a.b+c@mail.co.uk')).toBe(true)
  })

  it('vouch for a phone only when its E.164 form is fine and short enough', () => {
    for (const phone of PHONES) {
      if (onBytes((bytes, start, end) => isE164PhoneBytes(bytes, start, end, 13), phone)) {
        const normalised = normaliseToE164(phone)
        expect(checkE164Phone(normalised), phone).toBeNull()
        expect(normalised.length, phone).toBeLessThanOrEqual(13)
      }
    }
    expect(
      onBytes((bytes, start, end) => isE164PhoneBytes(bytes, start, end, Infinity), '+48 (600) 100-200'),
    ).toBe(true)
    expect(
      onBytes((bytes, start, end) => isE164PhoneBytes(bytes, start, end, Infinity), '0048 600 100 200'),
    ).toBe(true)
    expect(onBytes((bytes, start, end) => isE164PhoneBytes(bytes, start, end, 12), '+48 600 100 200')).toBe(
      true,
    )
    expect(onBytes((bytes, start, end) => isE164PhoneBytes(bytes, start, end, 11), '+48 600 100 200')).toBe(
      false,
    )
  })

  it('vouch for dates and date-times only when the text rules find nothing', () => {
    for (const date of DATES) {
      if (onBytes(isDateBytes, date)) expect(checkDate(date), date).toBeNull()
      if (onBytes(isDateTimeBytes, date)) expect(checkDateTime(date), date).toBeNull()
    }
    expect(DATES.filter((date) => onBytes(isDateBytes, date))).toEqual(['1990-01-05', '2000-02-29'])
    expect(DATES.filter((date) => onBytes(isDateTimeBytes, date)).length).toBe(
      DATES.filter((date) => checkDateTime(date) === null).length,
    )
  })

  it('see every space trim() removes at either end, and nothing else', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
    ]
    for (const space of spaces) {
      expect(onBytes(isTrimmed, `${space}Ann`), JSON.stringify(space)).toBe(false)
      expect(onBytes(isTrimmed, `Ann${space}`), JSON.stringify(space)).toBe(false)
    }
    for (const word of ['Ann', 'Łukasz', 'Ольга', 'サンプル', '陽翔', '€5', '«quoted»', 'x']) {
      expect(onBytes(isTrimmed, word), word).toBe(word === word.trim())
    }
  })
})

describe('identity hashes', () => {
  /** The hash of `field\0value` from the value's bytes inside a larger buffer. */
  function fromBytes(field: string, value: string, lowerCase: boolean): number {
    const bytes = utf8.encode(`x,${value},y`)
    return hashAsciiBytes(bytes, 2, bytes.length - 2, identityPrefixHash(field), lowerCase)
  }

  it('are the same from a key string and from the value’s bytes, emails in lower case', () => {
    expect(fromBytes('id', 'C-7', false)).toBe(hashText('id\u0000C-7'))
    expect(fromBytes('email', 'ANN@X.pl', true)).toBe(hashText('email\u0000ann@x.pl'))
    expect(fromBytes('id', 'C-7', false)).not.toBe(fromBytes('id', 'c-7', false))
    expect(fromBytes('id', 'Łukasz', false)).toBe(-1) // past ASCII: hashed from the string instead
  })
})
