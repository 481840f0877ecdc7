import { describe, expect, it } from 'vitest'
import { AWKWARD_DATES, AWKWARD_EMAILS, AWKWARD_PHONES } from '../../../helpers/awkward-values.ts'
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

describe('byte forms of the field rules', () => {
  it('vouch for an email only when checkEmail finds nothing', () => {
    for (const email of AWKWARD_EMAILS)
      if (onBytes(isEmailBytes, email)) expect(checkEmail(email), email).toBeNull()
    expect(onBytes(isEmailBytes, 'ann@example.com')).toBe(true)
    expect(onBytes(isEmailBytes, 'a.b+c@mail.co.uk')).toBe(true)
  })

  it('vouch for a phone only when its E.164 form is fine and short enough', () => {
    for (const phone of AWKWARD_PHONES) {
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
    for (const date of AWKWARD_DATES) {
      if (onBytes(isDateBytes, date)) expect(checkDate(date), date).toBeNull()
      if (onBytes(isDateTimeBytes, date)) expect(checkDateTime(date), date).toBeNull()
    }
    expect(AWKWARD_DATES.filter((date) => onBytes(isDateBytes, date))).toEqual(['1990-01-05', '2000-02-29'])
    expect(AWKWARD_DATES.filter((date) => onBytes(isDateTimeBytes, date)).length).toBe(
      AWKWARD_DATES.filter((date) => checkDateTime(date) === null).length,
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

  it('isTrimmed agrees with trim() for every character at either end', () => {
    const wrong: string[] = []
    for (let code = 0; code <= 0x10ffff; code += code < 0x10000 ? 1 : 0x1f3) {
      if (code >= 0xd800 && code <= 0xdfff) continue // not a character on its own
      const character = String.fromCodePoint(code)
      for (const text of [`${character}a`, `a${character}`, character]) {
        // ASCII controls count as spaces: such a cell is unusual, and asked as text.
        const expected = code > 0x20 && text === text.trim()
        if (onBytes(isTrimmed, text) !== expected)
          wrong.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`)
      }
    }
    expect(wrong).toEqual([])
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
