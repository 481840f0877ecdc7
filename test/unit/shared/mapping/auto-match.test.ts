import { describe, expect, it } from 'vitest'
import { formatMessage, setLanguage } from '#shared/i18n/i18n.ts'
import {
  autoMatch,
  confidenceLevel,
  describeSuggestion,
  type MatchSuggestion,
} from '#shared/mapping/auto-match.ts'

const said = (suggestion: MatchSuggestion) => describeSuggestion(suggestion, formatMessage)
import { capillary } from '#shared/providers/capillary/index.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import { omnidesk } from '#shared/providers/omnidesk/index.ts'
import { propeller } from '#shared/providers/propeller/index.ts'
import { thulium } from '#shared/providers/thulium/index.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'

/** field → the header that feeds it. */
function matched(
  provider: ProviderDefinition,
  headers: readonly string[],
  samples?: readonly (readonly string[])[],
): Record<string, string> {
  return Object.fromEntries(autoMatch(headers, provider, samples).map((m) => [m.field, headers[m.column]!]))
}

function suggestionFor(
  provider: ProviderDefinition,
  headers: readonly string[],
  header: string,
  samples?: readonly (readonly string[])[],
) {
  return autoMatch(headers, provider, samples).find((m) => headers[m.column] === header)
}

describe('autoMatch: names in other languages', () => {
  it('maps a Polish export onto Thulium', () => {
    const headers = [
      'Imię',
      'Nazwisko',
      'Telefon kom.',
      'E-mail',
      'Miejscowość',
      'Kod pocztowy',
      'Firma',
      'Uwagi',
    ]
    expect(matched(thulium, headers)).toEqual({
      name: 'Imię',
      surname: 'Nazwisko',
      phone_number: 'Telefon kom.',
      email: 'E-mail',
      'address.city': 'Miejscowość',
      'address.postcode': 'Kod pocztowy',
      job: 'Firma',
      note: 'Uwagi',
    })
  })

  it('maps a Dutch export onto Omnidesk, leaving the address columns it has no field for', () => {
    const headers = [
      'Klantnummer',
      'Voornaam',
      'Achternaam',
      'Woonplaats',
      'Postcode',
      'Telefoonnummer',
      'E-mailadres',
      'Mobiel',
    ]
    expect(matched(omnidesk, headers)).toEqual({
      primaryID: 'Klantnummer',
      firstname: 'Voornaam',
      lastname: 'Achternaam',
      'channel.telephone': 'Telefoonnummer',
      'channel.email': 'E-mailadres',
      'channel.telephone.2': 'Mobiel',
    })
  })

  it('maps a Dutch export onto Propeller, a mobile number becoming the phone when there is no other', () => {
    const headers = [
      'Klantnummer',
      'Voornaam',
      'Achternaam',
      'Straat',
      'Huisnummer',
      'Woonplaats',
      'Postcode',
      'Land',
      'E-mailadres',
      'Mobiel',
      'Geboortedatum',
      'Geslacht',
    ]
    expect(matched(propeller, headers)).toEqual({
      sourceId: 'Klantnummer',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      'addresses.0.street': 'Straat',
      'addresses.0.number': 'Huisnummer',
      'addresses.0.city': 'Woonplaats',
      'addresses.0.postalCode': 'Postcode',
      'addresses.0.country': 'Land',
      email: 'E-mailadres',
      phone: 'Mobiel',
      dateOfBirth: 'Geboortedatum',
      gender: 'Geslacht',
    })
    const mobile = suggestionFor(propeller, headers, 'Mobiel')!
    expect(mobile.confidence).toBeLessThan(suggestionFor(propeller, headers, 'E-mailadres')!.confidence)
  })

  it('maps a German export onto Kustomer without turning a first name into the full name', () => {
    const headers = [
      'Kundennummer',
      'Vorname',
      'Name',
      'E-Mail-Adresse',
      'Telefonnummer',
      'Straße',
      'PLZ',
      'Ort',
      'Bundesland',
      'Land',
      'Geburtsdatum',
      'Geschlecht',
      'Sprache',
      'Webseite',
      'Schlagworte',
    ]
    expect(matched(kustomer, headers)).toEqual({
      externalId: 'Kundennummer',
      name: 'Name',
      'emails.0.email': 'E-Mail-Adresse',
      'phones.0.phone': 'Telefonnummer',
      'locations.0.address': 'Straße',
      'locations.0.zipCode': 'PLZ',
      'locations.0.cityName': 'Ort',
      'locations.0.regionName': 'Bundesland',
      'locations.0.countryCode': 'Land',
      birthdayAt: 'Geburtsdatum',
      gender: 'Geschlecht',
      locale: 'Sprache',
      'urls.0.url': 'Webseite',
      tags: 'Schlagworte',
    })
  })

  it('maps a Spanish export onto Kustomer', () => {
    const headers = [
      'Nombre completo',
      'Correo electrónico',
      'Teléfono',
      'Dirección',
      'Ciudad',
      'Código postal',
      'Provincia',
      'País',
      'Etiquetas',
      'Fecha de alta',
    ]
    expect(matched(kustomer, headers)).toEqual({
      name: 'Nombre completo',
      'emails.0.email': 'Correo electrónico',
      'phones.0.phone': 'Teléfono',
      'locations.0.address': 'Dirección',
      'locations.0.cityName': 'Ciudad',
      'locations.0.zipCode': 'Código postal',
      'locations.0.regionName': 'Provincia',
      'locations.0.countryCode': 'País',
      tags: 'Etiquetas',
      signedUpAt: 'Fecha de alta',
    })
  })

  it('maps a French export onto Capillary', () => {
    const headers = [
      'Numéro client',
      'Prénom',
      'Nom',
      'Courriel',
      'Téléphone portable',
      'Ville',
      'Code postal',
      'Région',
      'Pays',
      'Date de naissance',
      'Sexe',
      'Langue',
      "Date d'inscription",
    ]
    expect(matched(capillary, headers)).toEqual({
      'identifiers.externalId': 'Numéro client',
      firstName: 'Prénom',
      lastName: 'Nom',
      'identifiers.email': 'Courriel',
      'identifiers.mobile': 'Téléphone portable',
      'extendedFields.city': 'Ville',
      'extendedFields.zip': 'Code postal',
      'extendedFields.state': 'Région',
      'extendedFields.country_of_residence': 'Pays',
      'extendedFields.dob': 'Date de naissance',
      'extendedFields.gender': 'Sexe',
      'extendedFields.preferred_language': 'Langue',
      createDate: "Date d'inscription",
    })
  })

  it('explains a match by name in the language it was found in, with high confidence', () => {
    const headers = ['Imię', 'Achternaam', 'Vorname', 'Email']
    const first = suggestionFor(thulium, headers, 'Imię')!
    expect(said(first)).toBe('Matched by name in Polish: “Imię”')
    expect(confidenceLevel(first.confidence)).toBe('high')
    expect(said(suggestionFor(thulium, headers, 'Achternaam')!)).toBe(
      'Matched by name in Dutch: “Achternaam”',
    )
    expect(suggestionFor(thulium, headers, 'Email')!).toMatchObject({ reason: 'key', confidence: 1 })
    expect(said(suggestionFor(thulium, headers, 'Email')!)).toBe('Matched by name: “Email”')
  })

  it('says why in the reader’s language, naming the header’s language in it', () => {
    const headers = ['Imię', 'Achternaam', 'Telefon']
    setLanguage('pl')
    try {
      expect(said(suggestionFor(thulium, headers, 'Imię')!)).toBe('Dopasowano po nazwie (polski): „Imię”')
      expect(said(suggestionFor(thulium, headers, 'Achternaam')!)).toBe(
        'Dopasowano po nazwie (niderlandzki): „Achternaam”',
      )
      setLanguage('nl')
      expect(said(suggestionFor(thulium, headers, 'Imię')!)).toBe('Gekoppeld op naam in het Pools: “Imię”')
    } finally {
      setLanguage('en')
    }
  })
})

describe('autoMatch: typos', () => {
  it('catches misspelt headers, and asks for a check', () => {
    const headers = ['Emial', 'Frist name', 'Lsat name']
    expect(matched(capillary, headers)).toEqual({
      'identifiers.email': 'Emial',
      firstName: 'Frist name',
      lastName: 'Lsat name',
    })
    const typo = suggestionFor(capillary, headers, 'Emial')!
    expect(typo.reason).toBe('fuzzy')
    expect(said(typo)).toBe('“Emial” looks like a misspelling of “Email”')
    expect(confidenceLevel(typo.confidence)).toBe('low')
  })

  it('does not invent matches for unrelated headers', () => {
    const headers = [
      'Notes 2',
      'Internal flag',
      'Company',
      'Loyalty tier',
      'Phone 3',
      'Emails',
      'Stat',
      'Count',
    ]
    expect(matched(kustomer, headers)).toEqual({})
    expect(matched(capillary, headers)).toEqual({})
    expect(matched(omnidesk, headers)).toEqual({})
  })

  it('never treats a word it knows as a typo of another ("County" is not "Country")', () => {
    expect(matched(thulium, ['County'])).toEqual({})
  })
})

describe('autoMatch: values', () => {
  const emails = ['ada@example.com', 'jan.kowalski@firma.pl', 'piet@voorbeeld.nl', 'eva@beispiel.de']
  const phones = ['+48 601 234 567', '+31 6 1234 5678', '+49 151 2345 6789', '+34 612 345 678']

  it('finds an email column called "Contact"', () => {
    const suggestion = suggestionFor(omnidesk, ['Contact', 'Voornaam'], 'Contact', [
      emails,
      ['Ada', 'Jan', 'Piet', 'Eva'],
    ])
    expect(suggestion).toMatchObject({ field: 'channel.email', reason: 'content' })
    expect(said(suggestion!)).toBe('Matched by the values: they look like email addresses')
  })

  it('refuses to sniff a column of mixed values', () => {
    const mixed = [emails[0]!, phones[0]!, emails[1]!, phones[1]!, 'n/a']
    expect(matched(omnidesk, ['Contact'], [mixed])).toEqual({})
  })

  it('needs a few values before trusting them', () => {
    expect(matched(omnidesk, ['Contact'], [[emails[0]!, '', '']])).toEqual({})
  })

  it('finds phone, postcode, country and gender columns by their values', () => {
    const headers = ['A', 'B', 'C', 'D']
    const samples = [
      phones,
      ['00-950', '30-001', '80-180', '61-001'],
      ['PL', 'NL', 'DE', 'ES'],
      ['K', 'M', 'K', 'M'],
    ]
    expect(matched(thulium, headers, samples)).toEqual({
      phone_number: 'A',
      'address.postcode': 'B',
      'address.country': 'C',
      gender: 'D',
    })
  })

  it('does not place dates or bare numbers by their values: they could be any date or any id', () => {
    const samples = [
      ['1985-03-12', '1990-11-01', '1979-06-30'],
      ['10115', '20095', '80331'],
    ]
    expect(matched(kustomer, ['X', 'Y'], samples)).toEqual({})
  })

  it('keeps a header match the values contradict, but at a confidence that asks for a check', () => {
    const suggestion = suggestionFor(kustomer, ['Phone'], 'Phone', [emails])!
    expect(suggestion.field).toBe('phones.0.phone')
    expect(confidenceLevel(suggestion.confidence)).toBe('low')
    expect(said(suggestion)).toBe('Matched by name: “Phone”, but its values look like email addresses')
    setLanguage('pl')
    try {
      expect(said(suggestion)).toBe(
        'Dopasowano po nazwie: „Phone”, ale jej wartości wyglądają na adresy e-mail',
      )
    } finally {
      setLanguage('en')
    }
    expect(confidenceLevel(suggestionFor(kustomer, ['Phone'], 'Phone', [phones])!.confidence)).toBe('high')
  })
})

describe('autoMatch: one column, one field', () => {
  it('never feeds two fields from one column nor one field from two columns', () => {
    const headers = ['Email', 'E-mail', 'Courriel', 'Telefon', 'Phone', 'Mobile', 'Handy']
    for (const provider of [kustomer, capillary, propeller, thulium, omnidesk]) {
      const suggestions = autoMatch(headers, provider)
      expect(new Set(suggestions.map((s) => s.column)).size).toBe(suggestions.length)
      expect(new Set(suggestions.map((s) => s.field)).size).toBe(suggestions.length)
    }
    expect(matched(kustomer, headers)).toMatchObject({ 'emails.0.email': 'Email', 'phones.0.phone': 'Phone' })
  })

  it('lets the surer match win a field: a synonym beats a typo', () => {
    expect(matched(capillary, ['Emial', 'Courriel'])).toEqual({ 'identifiers.email': 'Courriel' })
  })

  it('keeps returning suggestions in the provider field order', () => {
    const suggestions = autoMatch(['Telefoon', 'Voornaam', 'Klantnummer'], omnidesk)
    expect(suggestions.map((s) => s.field)).toEqual(['primaryID', 'firstname', 'channel.telephone'])
  })
})
