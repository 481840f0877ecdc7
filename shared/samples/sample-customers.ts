// A realistic, reproducible customer spreadsheet: the file a new user can try Crosswalk with, and the
// table every provider's conformance test uploads. Names, addresses and phone numbers follow each
// country's conventions (Polish diacritics, German umlauts, Spanish accents) because real files do.

export const SAMPLE_HEADERS = [
  'Customer ID',
  'First name',
  'Last name',
  'Full name',
  'Email',
  'Phone',
  'Company',
  'Street',
  'City',
  'Postal code',
  'Country',
  'Language',
  'Tags',
  'Date of birth',
  'Loyalty tier',
] as const

interface Country {
  code: string
  locale: string
  dial: string
  firstNames: readonly string[]
  lastNames: readonly string[]
  cities: readonly { city: string; postal: () => string }[]
  streets: readonly string[]
  companies: readonly string[]
}

/** Small, fast, seedable PRNG (mulberry32): the same seed always gives the same spreadsheet. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function digits(random: () => number, count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += Math.floor(random() * 10)
  return text
}

function countries(random: () => number): readonly Country[] {
  return [
    {
      code: 'PL',
      locale: 'pl_PL',
      dial: '+48',
      firstNames: ['Zofia', 'Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Wojciech', 'Katarzyna', 'Michał'],
      lastNames: [
        'Nowak',
        'Wiśniewska',
        'Wójcik',
        'Kowalczyk',
        'Zieliński',
        'Szymańska',
        'Dąbrowski',
        'Kozłowska',
      ],
      cities: [
        { city: 'Warszawa', postal: () => `0${digits(random, 1)}-${digits(random, 3)}` },
        { city: 'Kraków', postal: () => `3${digits(random, 1)}-${digits(random, 3)}` },
        { city: 'Łódź', postal: () => `9${digits(random, 1)}-${digits(random, 3)}` },
        { city: 'Gdańsk', postal: () => `8${digits(random, 1)}-${digits(random, 3)}` },
      ],
      streets: ['ul. Marszałkowska', 'ul. Świętokrzyska', 'ul. Długa', 'al. Jerozolimskie'],
      companies: ['Piekarnia Złoty Kłos', 'Żabka Polska', 'Biuro Rachunkowe Sowa', ''],
    },
    {
      code: 'US',
      locale: 'en_US',
      dial: '+1',
      firstNames: ['Emily', 'James', 'Olivia', 'Michael', 'Ava', 'Daniel', 'Sophia', 'Ethan'],
      lastNames: ['Johnson', 'Williams', 'Brown', "O'Connor", 'Garcia', 'Miller', 'Davis', 'Martinez'],
      cities: [
        { city: 'Springfield', postal: () => `62${digits(random, 3)}` },
        { city: 'Portland', postal: () => `97${digits(random, 3)}` },
        { city: 'Austin', postal: () => `78${digits(random, 3)}` },
      ],
      streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Elm Street'],
      companies: ['Acme Corp', 'Bluebird Coffee', 'Northwind Traders', ''],
    },
    {
      code: 'DE',
      locale: 'de_DE',
      dial: '+49',
      firstNames: ['Jürgen', 'Anna', 'Lukas', 'Lea', 'Jörg', 'Mia', 'Felix', 'Hannah'],
      lastNames: ['Müller', 'Schmidt', 'Schäfer', 'Weiß', 'Groß', 'Köhler', 'Becker', 'Fuchs'],
      cities: [
        { city: 'München', postal: () => `80${digits(random, 3)}` },
        { city: 'Köln', postal: () => `50${digits(random, 3)}` },
        { city: 'Berlin', postal: () => `10${digits(random, 3)}` },
      ],
      streets: ['Hauptstraße', 'Schillerstraße', 'Gartenweg', 'Bahnhofstraße'],
      companies: ['Bäckerei Groß GmbH', 'Fahrradladen Köhler', ''],
    },
    {
      code: 'ES',
      locale: 'es_ES',
      dial: '+34',
      firstNames: ['José', 'María', 'Iñaki', 'Lucía', 'Álvaro', 'Sofía', 'Andrés', 'Elena'],
      lastNames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Muñoz'],
      cities: [
        { city: 'Madrid', postal: () => `28${digits(random, 3)}` },
        { city: 'Sevilla', postal: () => `41${digits(random, 3)}` },
        { city: 'Bilbao', postal: () => `48${digits(random, 3)}` },
      ],
      streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia'],
      companies: ['Panadería Núñez', 'Talleres Ibáñez', ''],
    },
  ]
}

const TAGS = ['vip', 'newsletter', 'wholesale', 'returning', 'b2b', 'trial']
const TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum']

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

function asciiLocalPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

export interface SampleTable {
  headers: readonly string[]
  rows: string[][]
}

/** `count` customers with unique ids and emails; the same `seed` always gives the same table. */
export function sampleCustomers(count: number, seed = 2024): SampleTable {
  const random = mulberry32(seed)
  const places = countries(random)
  const rows: string[][] = []
  for (let index = 0; index < count; index++) {
    const country = pick(random, places)
    const first = pick(random, country.firstNames)
    const last = pick(random, country.lastNames)
    const place = pick(random, country.cities)
    const id = `C-${String(100001 + index)}`
    const email = `${asciiLocalPart(first)}.${asciiLocalPart(last)}.${100001 + index}@example.com`
    // Subscriber numbers never start with 0 or 1 after the country code.
    const phone = `${country.dial}${2 + Math.floor(random() * 8)}${digits(random, country.dial === '+1' ? 9 : 8)}`
    const tags = TAGS.filter(() => random() < 0.2).join('; ')
    const year = 1950 + Math.floor(random() * 55)
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
    rows.push([
      id,
      first,
      last,
      `${first} ${last}`,
      email,
      phone,
      pick(random, country.companies),
      `${pick(random, country.streets)} ${1 + Math.floor(random() * 120)}`,
      place.city,
      place.postal(),
      country.code,
      country.locale,
      tags,
      `${year}-${month}-${day}`,
      pick(random, TIERS),
    ])
  }
  return { headers: SAMPLE_HEADERS, rows }
}

/** RFC 4180 CSV text of a table (quotes only where needed), as a spreadsheet program saves it. */
export function tableAsCsv(table: SampleTable): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
  return [table.headers, ...table.rows].map((row) => row.map(quote).join(',')).join('\n')
}
