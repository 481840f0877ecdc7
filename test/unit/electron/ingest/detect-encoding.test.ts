import { describe, expect, it } from 'vitest'
import { detectEncoding, looksLikeUtf16 } from '../../../../electron/engine/ingest/detect-encoding.ts'

// Encoders for the legacy code pages, built from the decoders so the test needs no dependency.
function encoder(label: string): (text: string) => Uint8Array {
  const decoded = new TextDecoder(label).decode(Uint8Array.from({ length: 256 }, (_, byte) => byte))
  const byteOf = new Map([...decoded].map((char, byte) => [char, byte]))
  return (text) =>
    Uint8Array.from([...text], (char) => {
      const byte = byteOf.get(char)
      if (byte === undefined) throw new Error(`${label} cannot encode ${char}`)
      return byte
    })
}

const POLISH =
  'imię;nazwisko;miasto\nŁucja;Żółkiewska;Łódź\nZbigniew;Ścisło;Gdańsk\nAgnieszka;Wąsik;Kraków\nJerzy;Źdźbło;Częstochowa\n'
const FRENCH =
  'prénom,nom,ville\nFrançois,Lefèvre,Besançon\nAnaïs,Dupré,Orléans\nJérôme,Bérubé,Saint-Étienne\n'
const GERMAN = 'Vorname;Nachname;Straße\nJürgen;Müller;Königstraße 5\nÄnne;Weiß;Schloßallee 1\n'

describe('detectEncoding', () => {
  it('trusts a byte-order mark', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), false)).toMatchObject({
      encoding: 'utf-8',
      bomLength: 3,
    })
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]), false)).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    })
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]), false)).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    })
  })

  it('takes valid UTF-8 as UTF-8, even when the sample ends mid-character', () => {
    const bytes = new TextEncoder().encode(POLISH)
    expect(detectEncoding(bytes, false).encoding).toBe('utf-8')
    const cut = bytes.subarray(0, bytes.indexOf(0xc5) + 1) // ends on the first byte of "Ł"
    expect(detectEncoding(cut, true).encoding).toBe('utf-8')
  })

  it('recognises UTF-16 without a byte-order mark', () => {
    expect(looksLikeUtf16(Uint8Array.from(Buffer.from(GERMAN, 'utf16le')))).toBe('utf-16le')
    const bigEndian = Uint8Array.from(Buffer.from(GERMAN, 'utf16le')).map(
      (_, index, all) => all[index ^ 1] ?? 0,
    )
    expect(detectEncoding(bigEndian, false).encoding).toBe('utf-16be')
  })

  it.each([
    ['Polish in Windows-1250', POLISH, 'windows-1250'],
    ['Polish in ISO-8859-2', POLISH, 'iso-8859-2'],
    ['French in Windows-1252', FRENCH, 'windows-1252'],
    ['German in Windows-1252', GERMAN, 'windows-1252'],
  ])('tells %s apart from the other code pages', (_label, text, label) => {
    const detected = detectEncoding(encoder(label)(text), false)
    expect(detected).toMatchObject({ encoding: label, basis: 'letter-frequency' })
    expect(new TextDecoder(detected.encoding).decode(encoder(label)(text))).toBe(text)
  })
})
