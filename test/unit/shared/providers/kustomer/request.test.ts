import { describe, expect, it } from 'vitest'
import type { KustomerCustomer } from '#shared/providers/kustomer/request.ts'
import { toIsoDateTime } from '#shared/providers/kustomer/values.ts'
import {
  buildCustomer,
  clientRefForRow,
  jsonBytes,
  planBatches,
  rowForClientRef,
} from '#shared/providers/kustomer/request.ts'

const LIMITS = { maxItemsPerRequest: 100, maxBodyBytes: 100_000 }

function customers(count: number, extra: Partial<KustomerCustomer> = {}): KustomerCustomer[] {
  return Array.from({ length: count }, (_, index) => ({ _clientRef: clientRefForRow(index + 2), ...extra }))
}

describe('Kustomer request builder', () => {
  it('builds a customer from a mapped record', () => {
    const customer = buildCustomer(
      {
        name: 'Ada Lovelace',
        externalId: 'CRM-1',
        'emails.0.email': 'ada@example.com',
        'phones.0.phone': '+44 (20) 7946-0000',
        tags: 'vip; newsletter, ,2024',
        locale: 'en_GB',
        'custom.loyaltyTierStr': 'gold',
        unrelated: 'ignored',
      },
      'row-2',
    )
    expect(customer).toEqual({
      _clientRef: 'row-2',
      name: 'Ada Lovelace',
      externalId: 'CRM-1',
      emails: [{ email: 'ada@example.com' }],
      phones: [{ phone: '+442079460000' }],
      tags: ['vip', 'newsletter', '2024'],
      locale: 'en_GB',
      custom: { loyaltyTierStr: 'gold' },
    })
  })

  it('sends a second email and phone after the first, each with its own kind', () => {
    const customer = buildCustomer(
      {
        'emails.0.email': 'ada@work.example',
        'emails.0.type': 'work',
        'emails.1.email': 'ada@home.example',
        'emails.1.type': 'Home',
        'phones.1.phone': '+48 600 100 200',
        'phones.1.type': 'home',
        'locations.0.regionCode': 'IL',
        gender: ' Male ',
      },
      'row-3',
    )
    expect(customer).toEqual({
      _clientRef: 'row-3',
      emails: [
        { email: 'ada@work.example', type: 'work' },
        { email: 'ada@home.example', type: 'home' },
      ],
      phones: [{ phone: '+48600100200', type: 'home' }],
      locations: [{ regionCode: 'IL' }],
      gender: 'm',
    })
  })

  it.each([
    ['female', 'f'],
    ['F', 'f'],
    ['m', 'm'],
    ['MALE', 'm'],
  ])('sends the gender "%s" as Kustomer\'s "%s"', (cell, sent) => {
    expect(buildCustomer({ gender: cell }, 'row-2').gender).toBe(sent)
  })

  it('builds every part of the documented customer object, typed as Kustomer takes it', () => {
    const customer = buildCustomer(
      {
        username: 'ada',
        'emails.0.email': 'ada@example.com',
        'emails.0.type': 'Work',
        'phones.0.phone': '0044 20 7946 0000',
        'phones.0.type': 'mobile',
        'locations.0.type': 'home',
        'locations.0.address': '1 Main St',
        'locations.0.address2': 'Flat 2',
        'locations.0.cityName': 'Springfield',
        'locations.0.regionName': 'IL',
        'locations.0.zipCode': '62701',
        'locations.0.countryCode': 'us',
        'locations.0.countryName': 'United States',
        'socials.0.username': '@ada',
        'socials.0.type': 'twitter',
        'urls.0.url': 'https://ada.example.com',
        'urls.0.type': 'blog',
        timeZone: 'America/Chicago',
        gender: 'F',
        birthdayAt: '1990-05-01',
        signedUpAt: '2024-03-01 09:30',
        lastSeenAt: '2024-03-02T10:00:00+02:00',
        'sentiment.polarity': '-1',
        'sentiment.confidence': '0,75',
        'custom.spendNum': '1 234,5',
        'custom.firstOrderAt': '2024-01-02',
        'custom.optInBool': 'yes',
        'custom.vipBool': 'no',
        'custom.profileUrl': 'https://example.com/ada',
        'custom.notesTxt': 'Prefers email',
      },
      'row-7',
    )
    expect(customer).toEqual({
      _clientRef: 'row-7',
      username: 'ada',
      emails: [{ email: 'ada@example.com', type: 'work' }],
      phones: [{ phone: '+442079460000', type: 'mobile' }],
      locations: [
        {
          type: 'home',
          address: '1 Main St',
          address2: 'Flat 2',
          cityName: 'Springfield',
          regionName: 'IL',
          zipCode: '62701',
          countryName: 'United States',
          countryCode: 'US',
        },
      ],
      socials: [{ type: 'twitter', username: '@ada' }],
      urls: [{ url: 'https://ada.example.com', type: 'blog' }],
      timeZone: 'America/Chicago',
      gender: 'f',
      birthdayAt: '1990-05-01T00:00:00.000Z',
      signedUpAt: '2024-03-01T09:30:00Z',
      lastSeenAt: '2024-03-02T10:00:00+02:00',
      sentiment: { polarity: -1, confidence: 0.75 },
      custom: {
        spendNum: 1234.5,
        firstOrderAt: '2024-01-02T00:00:00.000Z',
        optInBool: true,
        vipBool: false,
        profileUrl: 'https://example.com/ada',
        notesTxt: 'Prefers email',
      },
    })
  })

  it('sends no kind without its value, and no half of a pair', () => {
    expect(
      buildCustomer(
        { 'emails.0.type': 'work', 'socials.0.type': 'twitter', 'sentiment.polarity': '1' },
        'row-3',
      ),
    ).toEqual({ _clientRef: 'row-3' })
  })

  it.each([
    ['1990-05-01', '1990-05-01T00:00:00.000Z'],
    ['2024-03-01 09:30', '2024-03-01T09:30:00Z'],
    ['2024-03-01T09:30:15', '2024-03-01T09:30:15Z'],
    ['2024-03-01T09:30Z', '2024-03-01T09:30:00Z'],
    ['2024-03-01T09:30:15.250+0200', '2024-03-01T09:30:15.250+0200'],
  ])('writes the date-time %s as %s', (text, iso) => {
    expect(toIsoDateTime(text)).toBe(iso)
  })

  it('leaves out what the row does not have', () => {
    expect(buildCustomer({ tags: ' ; ' }, 'row-9')).toEqual({ _clientRef: 'row-9' })
  })

  it('round-trips row numbers through _clientRef', () => {
    expect(clientRefForRow(12)).toBe('row-12')
    expect(rowForClientRef('row-12')).toBe(12)
    expect(rowForClientRef('row-0')).toBeNull()
    expect(rowForClientRef('sheet1-row2')).toBeNull()
  })
})

describe('planBatches', () => {
  it('cuts at 100 items', () => {
    const { batches, tooLarge } = planBatches(customers(250), LIMITS)
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50])
    expect(tooLarge).toEqual([])
    expect(batches.flat().map((c) => c._clientRef)).toEqual(customers(250).map((c) => c._clientRef))
  })

  it('keeps every request under 100 kB of UTF-8, counting multi-byte characters', () => {
    const big = customers(60, { name: 'ż'.repeat(1000) }) // ~2 kB each as UTF-8, 1 kB as UTF-16
    const { batches } = planBatches(big, LIMITS)
    expect(batches.length).toBeGreaterThan(1)
    for (const batch of batches) expect(jsonBytes(batch)).toBeLessThanOrEqual(100_000)
    expect(batches.flat()).toHaveLength(60)
  })

  it('fills a request up to exactly the byte limit', () => {
    const item = { _clientRef: 'row-2', name: 'x'.repeat(98) }
    const size = jsonBytes(item)
    const limits = { maxItemsPerRequest: 100, maxBodyBytes: 2 + size * 3 + 2 }
    const { batches } = planBatches([item, item, item, item], limits)
    expect(batches.map((batch) => batch.length)).toEqual([3, 1])
    expect(jsonBytes(batches[0])).toBe(limits.maxBodyBytes)
  })

  it('sets aside an item too large for any request', () => {
    const huge = { _clientRef: 'row-3', name: 'x'.repeat(100_000) }
    const { batches, tooLarge } = planBatches([...customers(1), huge, ...customers(1)], LIMITS)
    expect(tooLarge).toEqual([huge])
    expect(batches).toEqual([[...customers(1), ...customers(1)]])
  })
})
