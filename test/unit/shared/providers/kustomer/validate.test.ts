import { describe, expect, it } from 'vitest'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

describe('validateRecord on Kustomer', () => {
  it('accepts a good row, normalising the phone before checking it', () => {
    expect(
      validateRecord(kustomer, {
        name: 'Ada',
        'emails.0.email': 'ada@example.com',
        'phones.0.phone': '+1 (415) 555-0100',
        locale: 'en_US',
        'custom.loyaltyTierStr': 'gold',
      }),
    ).toEqual([])
  })

  it('accepts an empty row: Kustomer requires no field', () => {
    expect(validateRecord(kustomer, {})).toEqual([])
  })

  it('reports each bad field', () => {
    const issues = validateRecord(kustomer, {
      'emails.0.email': 'edsger@@example.com',
      'phones.0.phone': '555-0100',
      locale: 'English',
      'custom.notesStr': 'x'.repeat(1025),
    })
    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['emails.0.email', 'email'],
      ['phones.0.phone', 'phone'],
      ['locale', 'locale'],
      ['custom.notesStr', 'maxLength'],
    ])
  })
})
