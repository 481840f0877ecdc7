import { describe, expect, it } from 'vitest'
import { normalisePhone } from '#shared/mapping/transforms/phone.ts'

describe('phone transform', () => {
  it('reads local numbers in the chosen country and writes E.164', () => {
    expect(normalisePhone('601 234 567', 'PL')).toBe('+48601234567')
    expect(normalisePhone('06 12345678', 'NL')).toBe('+31612345678')
    expect(normalisePhone('(020) 7946 0958', 'GB')).toBe('+442079460958')
  })

  it('keeps a number that carries its own country code, written any common way', () => {
    expect(normalisePhone('+48 601-234-567', 'NL')).toBe('+48601234567')
    expect(normalisePhone('0048 601 234 567', 'DE')).toBe('+48601234567')
  })

  it('leaves what is not a possible phone number as written, for the review step to show', () => {
    expect(normalisePhone('12', 'PL')).toBe('12')
    expect(normalisePhone('call me', 'PL')).toBe('call me')
    expect(normalisePhone('', 'PL')).toBe('')
  })
})
