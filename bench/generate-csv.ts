import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A customer export as CRMs and shops produce it: 15 columns, Polish, Cyrillic and CJK names, quoted
 * fields with commas and escaped quotes, emails, phones, dates. About 170 bytes a row, so 1,000,000
 * rows are about 170 MB. Deterministic for a seed, written once to the temp dir and reused (never
 * committed: it is regenerated in seconds).
 */

export const COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'birth_date',
  'customer_since',
  'company',
  'street',
  'city',
  'postal_code',
  'country',
  'balance',
  'notes',
  'tags',
]

const FIRST = [
  'Łukasz',
  'Zofia',
  'Małgorzata',
  'Grzegorz',
  'Anna',
  'Jan',
  'Ольга',
  'Дмитрий',
  '陽翔',
  '美咲',
  'Søren',
  'José',
]
const LAST = [
  'Wiśniewski',
  'Kowalczyk',
  'Żółkiewska',
  'Nowak',
  'Smith',
  'Иванова',
  'Кузнецов',
  '佐藤',
  '王',
  'Müller',
]
const ASCII_FIRST = [
  'lukasz',
  'zofia',
  'malgorzata',
  'grzegorz',
  'anna',
  'jan',
  'olga',
  'dmitry',
  'haruto',
  'misaki',
]
const DOMAINS = ['gmail.com', 'wp.pl', 'mail.ru', 'ya.ru']
const COMPANIES = ['"Nowak, Kowalski sp.j."', '"ООО ""Ромашка"""', '株式会社サンプル', 'Acme Ltd']
const STREETS = ['"ul. Złota 12/4, m. 7"', 'Al. Róż 101', 'ул. Ленина 5', '"Main St, Apt 4"']
const CITIES = ['Warszawa', 'Kraków', 'Łódź', 'Москва', '東京', 'Berlin']
const COUNTRIES = ['PL', 'PL', 'PL', 'RU', 'JP', 'DE']
const NOTES = [
  '',
  '"Prefers ""email"", not phone"',
  '"Dzwonić po 16:00, rabat"',
  'VIP',
  '"Line one\nline two"',
]
const TAGS = ['', 'vip', '"newsletter,b2b"', 'lead']

function prng(seed: number) {
  let state = seed >>> 0
  return (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below)
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, '0')

function row(int: (below: number) => number, id: number): string {
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!
  const first = pick(FIRST)
  const email = `${pick(ASCII_FIRST)}${id}@${pick(DOMAINS)}`
  const phone = `+48 ${500 + int(300)}${pad(int(1000), 3)}${pad(int(1000), 3)}`
  const birth = `${1950 + int(55)}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)}`
  const created = `2024-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)}`
  const balance = `${int(100000)}.${pad(int(100), 2)}`
  return [
    id,
    first,
    pick(LAST),
    email,
    phone,
    birth,
    created,
    pick(COMPANIES),
    pick(STREETS),
    pick(CITIES),
    `${pad(int(100), 2)}-${pad(int(1000), 3)}`,
    pick(COUNTRIES),
    balance,
    pick(NOTES),
    pick(TAGS),
  ].join(',')
}

/** Path of the generated file, written first if it is not in the temp dir yet. */
export function benchCsv(rows: number, seed = 1): string {
  const path = join(tmpdir(), `crosswalk-bench-v1-${rows}x${COLUMNS.length}-seed${seed}.csv`)
  if (existsSync(path) && statSync(path).size > 0) return path
  const partial = `${path}.${process.pid}.partial`
  const fd = openSync(partial, 'w')
  try {
    const int = prng(seed)
    writeSync(fd, COLUMNS.join(',') + '\n')
    const BATCH = 10_000
    for (let start = 1; start <= rows; start += BATCH) {
      const lines: string[] = []
      for (let id = start; id < start + BATCH && id <= rows; id++) lines.push(row(int, id))
      writeSync(fd, lines.join('\n') + '\n')
    }
  } finally {
    closeSync(fd)
  }
  // Rename last, so an interrupted run never leaves a truncated file that later runs would reuse.
  renameSync(partial, path)
  return path
}
