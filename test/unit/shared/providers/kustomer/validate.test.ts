import { describe, expect, it } from 'vitest'
import { formatMessage } from '#shared/i18n/i18n.ts'
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

  const issuesOf = (record: Record<string, string>) =>
    validateRecord(kustomer, record).map((issue) => [issue.field, issue.severity, issue.rule])

  it('checks each custom attribute against the type its suffix names', () => {
    expect(
      issuesOf({
        'custom.spendNum': '1 234,50',
        'custom.firstOrderAt': '2024-03-01 09:30',
        'custom.optInBool': 'Yes',
        'custom.profileUrl': 'https://example.com/p/1',
        'custom.notesTxt': 'anything at all',
      }),
    ).toEqual([])
    expect(
      issuesOf({
        'custom.spendNum': 'a lot',
        'custom.firstOrderAt': '01/03/2024',
        'custom.optInBool': 'maybe',
        'custom.profileUrl': 'example dot com',
      }),
    ).toEqual([
      ['custom.spendNum', 'error', 'customNum'],
      ['custom.firstOrderAt', 'error', 'customAt'],
      ['custom.optInBool', 'error', 'customBool'],
      ['custom.profileUrl', 'error', 'customUrl'],
    ])
  })

  it('names the attribute and its type in the message', () => {
    const [issue] = validateRecord(kustomer, { 'custom.spendNum': 'a lot' })
    expect(issue && formatMessage(issue.message)).toMatch(/"a lot" is not a number.*"spendNum" as number/)
  })

  it('checks enums, dates, country codes and time zones', () => {
    expect(
      issuesOf({
        'emails.0.email': 'ada@example.com',
        'emails.0.type': 'WORK',
        'phones.0.phone': '+14155550100',
        'phones.0.type': 'Mobile',
        gender: 'F',
        birthdayAt: '1990-05-01',
        signedUpAt: '2024-03-01T09:30:00Z',
        'locations.0.countryCode': 'pl',
        timeZone: 'Europe/Warsaw',
      }),
    ).toEqual([])
    expect(
      issuesOf({
        'emails.0.email': 'ada@example.com',
        'emails.0.type': 'personal',
        'emails.1.email': 'ada@@home',
        'phones.1.type': 'pager',
        gender: 'x',
        birthdayAt: '01.05.1990',
        'locations.0.countryCode': 'Poland',
        timeZone: 'Mars/Olympus',
      }),
    ).toEqual([
      ['emails.0.type', 'error', 'enum'],
      ['emails.1.email', 'error', 'email'],
      ['phones.1.type', 'error', 'enum'],
      ['birthdayAt', 'error', 'datetime'],
      ['locations.0.countryCode', 'error', 'countryCode'],
      ['timeZone', 'error', 'timeZone'],
      ['gender', 'error', 'gender'],
      ['phones.1.type', 'warning', 'orphanType'],
    ])
  })

  it.each(['m', 'F', 'male', ' Female ', 'MALE'])('accepts "%s" as a gender', (gender) => {
    expect(issuesOf({ gender })).toEqual([])
  })

  it.each(['x', 'unknown', 'w', 'constructor'])(
    'refuses "%s" as a gender, saying what Kustomer takes',
    (gender) => {
      const issues = validateRecord(kustomer, { gender })
      expect(issues.map((issue) => issue.rule)).toEqual(['gender'])
      expect(formatMessage(issues[0]!.message)).toMatch(/Use m or f \(male and female are accepted too\)/)
    },
  )

  it('asks for what Kustomer needs together: a social network with its profile, both halves of a sentiment', () => {
    expect(issuesOf({ 'socials.0.username': '@ada' })).toEqual([
      ['socials.0.username', 'error', 'socialType'],
    ])
    expect(issuesOf({ 'socials.0.username': '@ada', 'socials.0.type': 'twitter' })).toEqual([])
    expect(issuesOf({ 'sentiment.polarity': '1' })).toEqual([['sentiment.polarity', 'error', 'sentiment']])
    expect(issuesOf({ 'sentiment.confidence': '0.5' })).toEqual([
      ['sentiment.confidence', 'error', 'sentiment'],
    ])
    expect(issuesOf({ 'sentiment.polarity': '-1', 'sentiment.confidence': '0.5' })).toEqual([])
  })

  it('warns that a kind without its value is not sent', () => {
    expect(issuesOf({ 'phones.0.type': 'work', 'urls.0.type': 'blog' })).toEqual([
      ['phones.0.type', 'warning', 'orphanType'],
      ['urls.0.type', 'warning', 'orphanType'],
    ])
    expect(issuesOf({ 'locations.0.type': 'home', 'locations.0.cityName': 'Kraków' })).toEqual([])
  })
})
