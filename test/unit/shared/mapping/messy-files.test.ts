import { describe, expect, it } from 'vitest'
import { applyMapping } from '#shared/mapping/apply-mapping.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { defaultPhoneCountry, proposeShapes } from '#shared/mapping/propose-shapes.ts'
import type { ProviderId } from '#shared/ids.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'

// Issue 5's bar: for each provider, a realistic messy file — headers in another language, a combined
// name column, phone numbers written every which way, a choice written in words — is mapped with no
// manual change, and every row comes out valid with the values the provider should get.

interface MessyFile {
  providerId: ProviderId
  locale: string
  headers: string[]
  rows: string[][]
  expected: Record<string, string>[]
}

const FILES: MessyFile[] = [
  {
    providerId: 'thulium',
    locale: 'en-GB', // Thulium's market decides: Polish numbers
    headers: ['Nr klienta', 'Imię i nazwisko', 'Telefon', 'E-mail', 'Data urodzenia', 'VIP'],
    rows: [
      ['PL-01', 'Anna Maria Nowak', '601 234 567', 'anna@example.pl', '03.04.1990', 'Tak'],
      ['PL-02', 'Kowalski, Jan', '+48 602-345-678', 'jan@example.pl', '23.11.1985', 'nie'],
      ['PL-03', 'Zofia Wiśniewska', '0048 603 456 789', 'zofia@example.pl', '', 'tak'],
    ],
    expected: [
      {
        identifier: 'PL-01',
        name: 'Anna Maria',
        surname: 'Nowak',
        phone_number: '+48601234567',
        email: 'anna@example.pl',
        birthdate: '1990-04-03',
        vip: 'Tak',
      },
      {
        identifier: 'PL-02',
        name: 'Jan',
        surname: 'Kowalski',
        phone_number: '+48602345678',
        email: 'jan@example.pl',
        birthdate: '1985-11-23',
        vip: 'nie',
      },
      {
        identifier: 'PL-03',
        name: 'Zofia',
        surname: 'Wiśniewska',
        phone_number: '+48603456789',
        email: 'zofia@example.pl',
        vip: 'tak',
      },
    ],
  },
  {
    providerId: 'propeller',
    locale: 'nl-NL',
    headers: ['Klantnummer', 'Naam', 'Telefoonnummer', 'E-mailadres', 'Geslacht'],
    rows: [
      ['K-1001', 'Jan de Vries', '06 12345678', 'jan@example.nl', 'Man'],
      ['K-1002', 'Sanne van der Berg', '+31 6 23456789', 'sanne@example.nl', 'Vrouw'],
      ['K-1003', 'Pieter Bakker', '0031 6 34567890', 'pieter@example.nl', 'onbekend'],
    ],
    expected: [
      {
        sourceId: 'K-1001',
        firstName: 'Jan',
        lastName: 'de Vries',
        phone: '+31612345678',
        email: 'jan@example.nl',
        gender: 'M',
      },
      {
        sourceId: 'K-1002',
        firstName: 'Sanne',
        lastName: 'van der Berg',
        phone: '+31623456789',
        email: 'sanne@example.nl',
        gender: 'F',
      },
      {
        sourceId: 'K-1003',
        firstName: 'Pieter',
        lastName: 'Bakker',
        phone: '+31634567890',
        email: 'pieter@example.nl',
        gender: 'U',
      },
    ],
  },
  {
    providerId: 'kustomer',
    locale: 'de-DE',
    headers: ['Kundennummer', 'Vorname', 'Nachname', 'Telefon', 'E-Mail', 'Geschlecht'],
    rows: [
      ['D-1', 'Lena', 'Schmidt', '030 1234567', 'lena@example.de', 'weiblich'],
      ['D-2', 'Jonas', 'Müller', '+49 89 7654321', 'jonas@example.de', 'männlich'],
      ['D-3', 'Mia', 'Weber', '(040) 555 1234', 'mia@example.de', ''],
    ],
    expected: [
      {
        externalId: 'D-1',
        name: 'Lena Schmidt',
        'phones.0.phone': '+49301234567',
        'emails.0.email': 'lena@example.de',
        gender: 'f',
      },
      {
        externalId: 'D-2',
        name: 'Jonas Müller',
        'phones.0.phone': '+49897654321',
        'emails.0.email': 'jonas@example.de',
        gender: 'm',
      },
      {
        externalId: 'D-3',
        name: 'Mia Weber',
        'phones.0.phone': '+49405551234',
        'emails.0.email': 'mia@example.de',
      },
    ],
  },
  {
    providerId: 'capillary',
    locale: 'es-ES',
    headers: ['Nombre completo', 'Móvil', 'Correo electrónico', 'Fecha de nacimiento'],
    rows: [
      ['Lucía García López', '612 345 678', 'lucia@example.es', '31/12/1990'],
      ['Javier Martín', '+34 622 345 678', 'javier@example.es', '05/01/1988'],
      ['Carmen Ruiz', '0034 632 345 678', 'carmen@example.es', '17/07/1979'],
    ],
    expected: [
      {
        firstName: 'Lucía García',
        lastName: 'López',
        'identifiers.mobile': '+34612345678',
        'identifiers.email': 'lucia@example.es',
        'extendedFields.dob': '1990-12-31',
      },
      {
        firstName: 'Javier',
        lastName: 'Martín',
        'identifiers.mobile': '+34622345678',
        'identifiers.email': 'javier@example.es',
        'extendedFields.dob': '1988-01-05',
      },
      {
        firstName: 'Carmen',
        lastName: 'Ruiz',
        'identifiers.mobile': '+34632345678',
        'identifiers.email': 'carmen@example.es',
        'extendedFields.dob': '1979-07-17',
      },
    ],
  },
  {
    providerId: 'omnidesk',
    locale: 'fr-FR',
    headers: ['Numéro client', 'Nom complet', 'Téléphone', 'Courriel'],
    rows: [
      ['FR-1', 'Camille Dubois', '06 12 34 56 78', 'camille@example.fr'],
      ['FR-2', 'Louis Martin', '+33 6 23 45 67 89', 'louis@example.fr'],
      ['FR-3', 'Chloé Bernard', '0033 6 34 56 78 90', 'chloe@example.fr'],
    ],
    expected: [
      {
        primaryID: 'FR-1',
        firstname: 'Camille',
        lastname: 'Dubois',
        'channel.telephone': '+33612345678',
        'channel.email': 'camille@example.fr',
      },
      {
        primaryID: 'FR-2',
        firstname: 'Louis',
        lastname: 'Martin',
        'channel.telephone': '+33623456789',
        'channel.email': 'louis@example.fr',
      },
      {
        primaryID: 'FR-3',
        firstname: 'Chloé',
        lastname: 'Bernard',
        'channel.telephone': '+33634567890',
        'channel.email': 'chloe@example.fr',
      },
    ],
  },
]

describe.each(FILES)('a messy $providerId file', ({ providerId, locale, headers, rows, expected }) => {
  const provider = PROVIDERS[providerId]
  const samples = headers.map((_, column) => rows.map((row) => row[column] ?? ''))
  const matched = autoMatch(headers, provider, samples).map(({ field, column }) => ({ field, column }))
  const proposal = proposeShapes(headers, provider, matched, {
    samples,
    defaultCountry: defaultPhoneCountry(providerId, locale),
  })
  const mapping: Mapping = { providerId, assignments: proposal.assignments }

  it('is mapped with no manual change: every column lands where it belongs, values reshaped', () => {
    expect(rows.map((row) => applyMapping(row, mapping))).toEqual(expected)
  })

  it('gives rows the provider accepts as they are', () => {
    for (const row of rows) expect(validateRecord(provider, applyMapping(row, mapping))).toEqual([])
  })
})

describe('what is not certain is not proposed', () => {
  it('leaves an ambiguous date order for the person to choose', () => {
    const headers = ['E-mail', 'Date of birth']
    const samples = [
      ['a@example.com', 'b@example.com'],
      ['03/04/1990', '05/06/1985'],
    ]
    const matched = autoMatch(headers, PROVIDERS.propeller, samples).map(({ field, column }) => ({
      field,
      column,
    }))
    const { assignments } = proposeShapes(headers, PROVIDERS.propeller, matched, { samples })
    expect(assignments.find((a) => a.field === 'dateOfBirth')).toEqual({ field: 'dateOfBirth', column: 1 })
  })

  it('reads local phone numbers only when it knows the country', () => {
    const headers = ['Phone']
    const samples = [['601 234 567']]
    const { assignments } = proposeShapes(headers, PROVIDERS.propeller, [{ field: 'phone', column: 0 }], {
      samples,
    })
    expect(assignments).toEqual([{ field: 'phone', column: 0 }])
    // Nor for a country the numbers make no sense in: 601 234 567 is not a United States number.
    const inUs = proposeShapes(headers, PROVIDERS.propeller, [{ field: 'phone', column: 0 }], {
      samples: [['601 234 567', '602 345 678']],
      defaultCountry: 'US',
    })
    expect(inUs.assignments).toEqual([{ field: 'phone', column: 0 }])
    expect(defaultPhoneCountry('propeller', 'en')).toBeUndefined()
    expect(defaultPhoneCountry('propeller', 'pl-PL')).toBe('PL')
    expect(defaultPhoneCountry('propeller', 'nl_NL.UTF-8')).toBe('NL')
    expect(defaultPhoneCountry('propeller', 'C')).toBeUndefined()
    expect(defaultPhoneCountry('thulium', 'en-US')).toBe('PL')
  })

  it('keeps the transforms a template already chose', () => {
    const transforms = [{ kind: 'phone' as const, country: 'GB' }]
    const { assignments } = proposeShapes(
      ['Phone'],
      PROVIDERS.propeller,
      [{ field: 'phone', column: 0, transforms }],
      {
        samples: [['601 234 567']],
        defaultCountry: 'PL',
      },
    )
    expect(assignments[0]?.transforms).toEqual(transforms)
  })
})
