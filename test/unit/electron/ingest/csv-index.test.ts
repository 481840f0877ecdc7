import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { decodeField, decodeRecord, fieldCount } from '../../../../electron/engine/ingest/csv-decode.ts'
import {
  FIELD_ESCAPED,
  FIELD_QUOTED,
  FIELD_UNTERMINATED,
  guessNewline,
  MAX_STORED_ERRORS,
  scanCsv,
  type CsvIndex,
  type CsvNewline,
} from '../../../../electron/engine/ingest/csv-index.ts'

// papaparse is the oracle: for any text, scanCsv over its UTF-8 bytes must give exactly the records,
// fields and quote errors of Papa.parse on the text with the same delimiter and newline.

type Delimiter = ',' | ';' | '\t' | '|'
const NEWLINES: CsvNewline[] = ['\n', '\r\n', '\r']
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|']
const keepBom = new TextDecoder('utf-8', { ignoreBOM: true })

function scanBytes(bytes: Uint8Array, delimiter: string, newline: CsvNewline): CsvIndex {
  return scanCsv(bytes, { delimiter: delimiter.charCodeAt(0), newline })
}

function records(index: CsvIndex): string[][] {
  return Array.from({ length: index.recordCount }, (_, record) => decodeRecord(index, record))
}

/** [code, row, index] as papaparse reports them; byte offsets turned into UTF-16 offsets of the text. */
function errorsOf(index: CsvIndex): [string, number, number][] {
  const bom = index.bytes[0] === 0xef && index.bytes[1] === 0xbb && index.bytes[2] === 0xbf ? 3 : 0
  return index.errors.map((error) => [
    error.code,
    error.record,
    keepBom.decode(index.bytes.subarray(bom, error.byteOffset)).length,
  ])
}

function oracle(text: string, delimiter: string, newline: CsvNewline) {
  const result = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false })
  const errors = result.errors.map((error): [string, number, number] => [
    error.code,
    error.row ?? -1,
    error.index ?? -1,
  ])
  return { data: result.data, errors }
}

/** Compares scanCsv with papaparse on the UTF-8 bytes (the text papaparse sees is their decoding). */
function expectSameAsPapaBytes(bytes: Uint8Array, delimiter: string, newline: CsvNewline) {
  const text = keepBom.decode(bytes)
  const index = scanBytes(bytes, delimiter, newline)
  const expected = oracle(text, delimiter, newline)
  const context = JSON.stringify({ text: text.slice(0, 200), delimiter, newline })
  expect(records(index), context).toEqual(expected.data)
  expect(errorsOf(index), context).toEqual(expected.errors.slice(0, MAX_STORED_ERRORS))
  expect(index.errorCount, context).toBe(expected.errors.length)
  // The same bytes at an odd address take the byte-by-byte path instead of four bytes at a time.
  const shifted = new Uint8Array(bytes.length + 1)
  shifted.set(bytes, 1)
  const unaligned = scanBytes(shifted.subarray(1), delimiter, newline)
  expect(records(unaligned), context).toEqual(expected.data)
  expect(errorsOf(unaligned), context).toEqual(errorsOf(index))
  return { index, expected }
}

const expectSameAsPapa = (text: string, delimiter: string, newline: CsvNewline) =>
  expectSameAsPapaBytes(new TextEncoder().encode(text), delimiter, newline)

/** mulberry32: a tiny seeded PRNG, so every run generates the same CSVs. */
function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick }
}

const FIXTURES: { name: string; text: string; delimiter?: Delimiter; newline?: CsvNewline }[] = [
  { name: 'plain', text: 'a,b,c\n1,2,3\n' },
  { name: 'no trailing newline', text: 'a,b\n1,2' },
  { name: 'quoted delimiters', text: 'name,city\n"Doe, Jane","Kraków, PL"\n' },
  { name: 'escaped quotes', text: '"say ""hi""",x\n"""",""\n' },
  { name: 'embedded LF in CRLF file', text: 'a,"line1\nline2"\r\nb,c\r\n', newline: '\r\n' },
  { name: 'embedded CRLF', text: 'a,"line1\r\nline2"\r\nb,c', newline: '\r\n' },
  { name: 'embedded CR in CR file', text: 'a,"x\ry"\rb,c\r', newline: '\r' },
  { name: 'lone CR is text in an LF file', text: 'a\rb,c\nd\r\n', newline: '\n' },
  { name: 'lone LF is text in a CR file', text: 'a\nb,c\rd', newline: '\r' },
  { name: 'lone CR is text in a CRLF file', text: 'a\rb,c\r\nd\r', newline: '\r\n' },
  { name: 'multibyte', text: 'imię,nazwisko\nŁukasz,Żółć\n山田,太郎\n😀,"👩‍👩‍👧, 家族"\n' },
  { name: 'empty fields', text: ',,\n,"",\n""\n' },
  { name: 'empty lines', text: 'a\n\n\nb\n\n' },
  { name: 'only newlines', text: '\n\n' },
  { name: 'ragged rows', text: 'a,b,c\n1\n1,2,3,4,5\n' },
  { name: 'quote inside unquoted field', text: 'ab"c,d"e\n 5" tall,"x"\n' },
  { name: 'stray quote after closing quote', text: '"a"b,c\n"x"y"z",w\n' },
  { name: 'spaces after closing quote', text: '"a"  ,b\n"c" \t\n"d"\u00a0\u3000,e\n' },
  { name: 'space after closing quote at the end', text: '"a" ' },
  { name: 'closing quote at the end', text: 'x,"a""b"' },
  { name: 'unterminated quote', text: 'a,b\n"open,field\nstill ""open""\n' },
  { name: 'unterminated after escaped pair', text: '"ab""' },
  { name: 'lone quote', text: '"' },
  { name: 'semicolons', text: 'a;"b;c";d\n1;2;3\n', delimiter: ';' },
  { name: 'tabs', text: 'a\t"b\tc"\td\n"x" \ty\n', delimiter: '\t' },
  { name: 'pipes', text: 'a|"b|c"|d\r\n1|2|3\r\n', delimiter: '|', newline: '\r\n' },
  { name: 'byte-order mark', text: '\ufeffa,b\n1,2\n' },
  { name: 'U+FEFF starting a field', text: 'a,\ufeffb\n"\ufeffc",d\n' },
  { name: 'one empty field', text: ',' },
]

describe('scanCsv against papaparse', () => {
  it.each(FIXTURES)('$name', ({ text, delimiter = ',', newline = '\n' }) => {
    expectSameAsPapa(text, delimiter, newline)
  })

  it('has the papaparse semantics spelled out (not only "equal to the oracle")', () => {
    const index = scanBytes(new TextEncoder().encode('a,"b,""c"""\n\n"x" ,y\n'), ',', '\n')
    expect(records(index)).toEqual([['a', 'b,"c"'], [''], ['x', 'y'], ['']])
    expect(index.recordCount).toBe(4)
    expect(Array.from(index.recordStart)).toEqual([0, 2, 3, 5, 6])
    expect(index.fieldFlags[1]).toBe(FIELD_QUOTED | FIELD_ESCAPED)
    expect(index.fieldFlags[3]).toBe(FIELD_QUOTED)
    expect(index.errors).toEqual([])

    const unclosed = scanBytes(new TextEncoder().encode('h\n1\n"2\n3'), ',', '\n')
    expect(records(unclosed)).toEqual([['h'], ['1'], ['2\n3']])
    expect(unclosed.errors).toEqual([{ code: 'MissingQuotes', record: 2, byteOffset: 5 }])
    expect(unclosed.fieldFlags[2]).toBe(FIELD_QUOTED | FIELD_UNTERMINATED)

    expect(scanBytes(new Uint8Array(0), ',', '\n').recordCount).toBe(0)
    expect(scanBytes(new Uint8Array([0xef, 0xbb, 0xbf]), ',', '\n').recordCount).toBe(0)
  })

  it('accepts exactly the whitespace that String.prototype.trim removes between a closing quote and a delimiter', () => {
    // Every BMP character except surrogates and the structural ones, one line each. A stray quote makes
    // papaparse look for the next closing quote, so each line ends with one to stay its own record.
    const lines: string[] = []
    let whitespace = 0
    for (let code = 0; code < 0x10000; code++) {
      if ((code >= 0xd800 && code < 0xe000) || code === 0x22 || code === 0x2c || code === 0x0a) continue
      const char = String.fromCharCode(code)
      if (char.trim() === '') whitespace++
      lines.push(`"q"${char},z"`)
    }
    lines.push('"q"\u{1f600},z"', '"q"\u{20000} ,z"')
    const { index, expected } = expectSameAsPapa(lines.join('\n'), ',', '\n')
    expect(index.recordCount).toBe(lines.length)
    // 25 characters are whitespace to JS (LF is left out above), so those lines close cleanly.
    expect(whitespace).toBe(24)
    expect(expected.errors.length).toBe(lines.length - whitespace)
  })

  it('reads a custom quote character', () => {
    const text = "a,'b,c','it''s'\n'x\ny',z\n"
    const index = scanCsv(new TextEncoder().encode(text), { delimiter: 0x2c, quote: 0x27, newline: '\n' })
    const expected = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', quoteChar: "'" })
    expect(records(index)).toEqual(expected.data)
    expect(records(index)[0]).toEqual(['a', 'b,c', "it's"])
  })

  it('grows its arrays past a low estimate', () => {
    // The first 64 KiB have no delimiters, so the estimate is far too low for what follows.
    const text = 'x'.repeat(70_000) + '\n' + 'a,'.repeat(100_000) + '\n"q",'.repeat(50_000)
    const { index } = expectSameAsPapa(text, ',', '\n')
    expect(index.recordCount).toBe(50_002)
    expect(index.fieldStart.length).toBe(1 + 100_001 + 2 * 50_000)
  })

  it('keeps the first errors and counts them all', () => {
    // The quote before \n closes each field, so every line has exactly one stray quote.
    const text = '"a"b,c"\n'.repeat(MAX_STORED_ERRORS + 500)
    const index = scanBytes(new TextEncoder().encode(text), ',', '\n')
    const expected = oracle(text, ',', '\n')
    expect(index.errorCount).toBe(expected.errors.length)
    expect(index.errorCount).toBe(MAX_STORED_ERRORS + 500)
    expect(errorsOf(index)).toEqual(expected.errors.slice(0, MAX_STORED_ERRORS))
    expect(records(index)).toEqual(expected.data)
  })
})

describe('scanCsv on random CSVs', () => {
  // Tokens chosen to hit every rule: quotes, pairs, all delimiters and newline bytes, whitespace
  // that papaparse trims after a closing quote, and multi-byte text (Polish, CJK, emoji, ZWJ).
  const TOKENS = [
    'a',
    'bc',
    ' ',
    '"',
    '"',
    '""',
    ',',
    ',',
    ';',
    '\t',
    '|',
    '\r',
    '\n',
    '\r\n',
    'ą',
    'Ł',
    'żółw',
    '中文',
    '😀',
    '👩‍👩‍👧',
    '\u00a0',
    '\u3000',
    '\u2028',
    '\ufeff',
  ]

  it('token soup: 3000 CSVs equal papaparse, records, fields and errors', () => {
    const random = prng(20240501)
    const seen = { cases: 0, records: 0, missing: 0, invalid: 0, escaped: 0, multiRecord: 0 }
    for (let k = 0; k < 3000; k++) {
      const length = random.int(k < 1500 ? 12 : 80)
      let text = ''
      for (let t = 0; t < length; t++) text += random.pick(TOKENS)
      const delimiter = random.pick(DELIMITERS)
      const newline = random.pick(NEWLINES)
      const { index, expected } = expectSameAsPapa(text, delimiter, newline)
      seen.cases++
      seen.records += index.recordCount
      if (index.recordCount > 1) seen.multiRecord++
      if (expected.errors.some(([code]) => code === 'MissingQuotes')) seen.missing++
      if (expected.errors.some(([code]) => code === 'InvalidQuotes')) seen.invalid++
      if (index.fieldFlags.some((flag) => (flag & FIELD_ESCAPED) !== 0)) seen.escaped++
    }
    // The generator must actually reach each rule, or this test proves little.
    expect(seen.cases).toBe(3000)
    expect(seen.multiRecord).toBeGreaterThan(1000)
    expect(seen.missing).toBeGreaterThan(300)
    expect(seen.invalid).toBeGreaterThan(300)
    expect(seen.escaped).toBeGreaterThan(100)
  })

  it('well-formed: 1000 CSVs of quoted and plain fields equal papaparse, with no errors', () => {
    const random = prng(7)
    const CELL_TOKENS = [
      'x',
      'Zoë',
      'Łódź',
      '東京',
      '🎉',
      ' ',
      '"',
      ',',
      ';',
      '\t',
      '|',
      '\r',
      '\n',
      '\r\n',
      '',
    ]
    let quotedFields = 0
    let fields = 0
    for (let k = 0; k < 1000; k++) {
      const delimiter = random.pick(DELIMITERS)
      const newline = random.pick(NEWLINES)
      const rows: string[][] = []
      const rowCount = 1 + random.int(6)
      for (let row = 0; row < rowCount; row++) {
        const cells: string[] = []
        const cellCount = 1 + random.int(5)
        for (let cell = 0; cell < cellCount; cell++) {
          let value = ''
          for (let t = random.int(5); t > 0; t--) value += random.pick(CELL_TOKENS)
          cells.push(value)
        }
        rows.push(cells)
      }
      const needsQuotes = (value: string) => /["\r\n]/.test(value) || value.includes(delimiter)
      const trailingNewline = random.next() < 0.5
      const text =
        rows
          .map((cells) =>
            cells
              .map((value) => {
                fields++
                if (!needsQuotes(value) && random.next() < 0.7) return value
                quotedFields++
                return `"${value.replaceAll('"', '""')}"`
              })
              .join(delimiter),
          )
          .join(newline) + (trailingNewline ? newline : '')
      const { expected } = expectSameAsPapa(text, delimiter, newline)
      expect(expected.errors).toEqual([])
      // Quoting makes these round-trip; a final newline adds papaparse's one-empty-field record, and
      // one empty unquoted cell is empty input, which has no records.
      const written = text === '' ? [] : rows
      expect(expected.data.slice(0, written.length)).toEqual(written)
      expect(expected.data.length).toBe(written.length + (trailingNewline ? 1 : 0))
    }
    expect(fields).toBeGreaterThan(5000)
    expect(quotedFields).toBeGreaterThan(2000)
  })

  it('byte soup: 1000 inputs with invalid UTF-8 decode to what papaparse sees', () => {
    const random = prng(99)
    const BYTES = [
      0x22, 0x22, 0x2c, 0x0a, 0x0d, 0x20, 0x61, 0x80, 0xbf, 0xc2, 0xa0, 0xc5, 0xe2, 0xe3, 0xf0, 0x9f, 0xff,
    ]
    let replaced = 0
    for (let k = 0; k < 1000; k++) {
      const bytes = Uint8Array.from({ length: random.int(40) }, () => random.pick(BYTES))
      const newline = random.pick(NEWLINES)
      expectSameAsPapaBytes(bytes, ',', newline)
      if (keepBom.decode(bytes).includes('\ufffd')) replaced++
    }
    expect(replaced).toBeGreaterThan(800)
  })
})

describe('field access', () => {
  const index = scanBytes(new TextEncoder().encode('id,name\n1,"Zażółć ""gęślą"""\n2\n'), ',', '\n')

  it('decodes single fields and whole records, and counts fields per record', () => {
    expect(decodeField(index, 1, 1)).toBe('Zażółć "gęślą"')
    expect(decodeField(index, 0, 0)).toBe('id')
    expect(decodeRecord(index, 2)).toEqual(['2'])
    expect([0, 1, 2, 3].map((record) => fieldCount(index, record))).toEqual([2, 2, 1, 1])
  })

  it('refuses records and columns that do not exist instead of padding', () => {
    expect(() => decodeField(index, 2, 1)).toThrow(RangeError)
    expect(() => decodeField(index, 0, -1)).toThrow(RangeError)
    expect(() => decodeRecord(index, 4)).toThrow(RangeError)
    expect(() => fieldCount(index, -1)).toThrow(RangeError)
  })

  it('refuses delimiters papaparse refuses', () => {
    for (const delimiter of [0x0a, 0x0d, 0x22, 0xc5]) {
      expect(() => scanCsv(new Uint8Array(1), { delimiter, newline: '\n' })).toThrow(RangeError)
    }
  })

  it('reports progress and can be cancelled from the callback', () => {
    const bytes = new TextEncoder().encode('abc,def\n'.repeat(3_000_000))
    const seen: number[] = []
    scanCsv(bytes, { delimiter: 0x2c, newline: '\n', onProgress: (scanned) => seen.push(scanned) })
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen.at(-1)).toBe(bytes.length)
    expect(() =>
      scanCsv(bytes, {
        delimiter: 0x2c,
        newline: '\n',
        onProgress: () => {
          throw new Error('cancelled')
        },
      }),
    ).toThrow('cancelled')
  })
})

describe('guessNewline', () => {
  it.each([
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\n1,2\n', '\n'],
    ['a,b\r1,2\r', '\r'],
    ['"x\r\ny",b\n1,2\n', '\n'],
    ['no newline', '\n'],
    ['', '\n'],
  ] as const)('%j → %j, as papaparse', (sample, newline) => {
    expect(guessNewline(sample)).toBe(newline)
    if (sample !== '') expect(Papa.parse(sample).meta.linebreak).toBe(newline)
  })
})
