import { describe, expect, it } from 'vitest'
import { formatMessage } from '#shared/i18n/i18n.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { accountName, brandIdOf, OMNIDESK_CONNECTION } from '#shared/providers/omnidesk/connection.ts'
import { omnidesk } from '#shared/providers/omnidesk/index.ts'
import {
  OMNIDESK_NAME_PATTERN,
  omnideskNameSpelling,
  unacceptableNameCharacters,
} from '#shared/providers/omnidesk/names.ts'
import { OMNIDESK_CUSTOM } from '#shared/providers/omnidesk/schema.ts'
import { SAMPLE_HEADERS } from '#shared/samples/sample-customers.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

describe('Omnidesk name pattern', () => {
  it('is the documented one: Latin-1 letters, Š/š, dot, hyphen, apostrophe, space', () => {
    for (const name of ["O'Connor", 'Jean-Luc', 'Müller', 'Iñaki', 'Åsa Øster', 'Šimon', 'J. R.', 'Groß']) {
      expect(OMNIDESK_NAME_PATTERN.test(name), name).toBe(true)
    }
    for (const name of ['Łukasz', 'Żaneta', 'Ančić', 'Anna2', 'Doe, Jane', '×', 'Ivan÷', 'Иван']) {
      expect(OMNIDESK_NAME_PATTERN.test(name), name).toBe(false)
    }
  })

  it('respells letters it refuses to their base letters and keeps those it accepts', () => {
    expect(omnideskNameSpelling('Łukasz Wiśniewski')).toBe('Lukasz Wisniewski')
    expect(omnideskNameSpelling('Dąbrowska-Kozłowska')).toBe('Dabrowska-Kozlowska')
    expect(omnideskNameSpelling('Jürgen Müller')).toBe('Jürgen Müller')
    expect(omnideskNameSpelling('O\u2019Brien')).toBe("O'Brien")
    expect(OMNIDESK_NAME_PATTERN.test(omnideskNameSpelling('Žofie Řezníčková'))).toBe(true)
  })

  it('lists what no spelling can fix', () => {
    expect(unacceptableNameCharacters('Anna2, Jr')).toEqual(['2', ','])
    expect(unacceptableNameCharacters('Иван')).toEqual(['И', 'в', 'а', 'н'])
    expect(unacceptableNameCharacters('Łukasz')).toEqual([])
  })
})

describe('validateRecord on Omnidesk', () => {
  it('accepts a good row, normalising the phone before checking it', () => {
    const issues = validateRecord(omnidesk, {
      primaryID: 'CRM-1',
      firstname: 'Jane',
      lastname: "O'Connor",
      'channel.email': 'jane@example.com',
      'channel.telephone': '+31 6 1234 5678',
      custom_loyalty_tier: 'gold',
    })
    expect(issues).toEqual([])
  })

  it('requires the Customer ID', () => {
    expect(validateRecord(omnidesk, { firstname: 'Jane' }).map((issue) => [issue.field, issue.rule])).toEqual(
      [['primaryID', 'required']],
    )
  })

  it('warns about names it will respell and refuses names it cannot', () => {
    const issues = validateRecord(omnidesk, { primaryID: 'C-1', firstname: 'Łukasz', lastname: 'Smith 3rd' })
    expect(issues.map((issue) => [issue.field, issue.severity, issue.rule])).toEqual([
      ['firstname', 'warning', 'omnideskNameSpelling'],
      ['lastname', 'error', 'omnideskName'],
    ])
    expect(formatMessage(issues[0]!.message)).toContain('"Lukasz"')
    expect(formatMessage(issues[1]!.message)).toContain('"3"')
    expect(formatMessage(issues[1]!.message)).toContain('Last name')
  })

  it('refuses a bad email, a phone without country code and an over-long custom field', () => {
    const issues = validateRecord(omnidesk, {
      primaryID: 'C-1',
      'channel.email': 'jane@@example.com',
      'channel.telephone.2': '0612345678',
      custom_notes: 'x'.repeat(256),
    })
    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['channel.email', 'email'],
      ['channel.telephone.2', 'phone'],
      ['custom_notes', 'maxLength'],
    ])
  })
})

describe('Omnidesk schema and connection', () => {
  it('auto-matches the sample headers that have a home in Omnidesk', () => {
    const matched = autoMatch(SAMPLE_HEADERS, omnidesk).map((match) => [
      SAMPLE_HEADERS[match.column],
      match.field,
    ])
    expect(matched).toEqual([
      ['Customer ID', 'primaryID'],
      ['First name', 'firstname'],
      ['Last name', 'lastname'],
      ['Email', 'channel.email'],
      ['Phone', 'channel.telephone'],
    ])
  })

  it('sends a "Mobile" column as a second telephone channel when there is also a "Phone" column', () => {
    const matched = autoMatch(['Phone', 'Mobile'], omnidesk).map((match) => match.field)
    expect(matched).toEqual(['channel.telephone', 'channel.telephone.2'])
  })

  it('turns unmatched columns into custom_<name> fields', () => {
    expect(OMNIDESK_CUSTOM.keyFor('Loyalty tier')).toBe('custom_loyalty_tier')
    expect(OMNIDESK_CUSTOM.keyFor('Date de naissance ')).toBe('custom_date_de_naissance')
    expect(OMNIDESK_CUSTOM.owns('custom_loyalty_tier')).toBe(true)
    expect(OMNIDESK_CUSTOM.owns('firstname')).toBe(false)
    expect(OMNIDESK_CUSTOM.owns('custom_')).toBe(false)
  })

  it("builds the account's API address and reads the brand id", () => {
    expect(OMNIDESK_CONNECTION.baseUrl({ account: 'acme', domain: 'omnidesk.io' })).toBe(
      'https://acme.omnidesk.io',
    )
    expect(
      OMNIDESK_CONNECTION.baseUrl({ account: 'https://Acme.omnidesk.com/', domain: 'omnidesk.com' }),
    ).toBe('https://acme.omnidesk.com')
    expect(OMNIDESK_CONNECTION.baseUrl({ account: 'acme', domain: 'evil.example' })).toBe(
      'https://acme.omnidesk.io',
    )
    expect(accountName('acme.omnidesk.io')).toBe('acme')
    expect(brandIdOf({ brand_id: ' 12 ' })).toBe('12')
    expect(brandIdOf({ brand_id: 'main' })).toBeNull()
    expect(brandIdOf({})).toBeNull()
  })
})
