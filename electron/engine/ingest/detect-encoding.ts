import { t } from '#shared/i18n/i18n.ts'
import type { TextEncodingLabel } from '#shared/ingest-options.ts'

export type { TextEncodingLabel }

// Picks the text encoding of a file from its first bytes. A byte-order mark decides; valid UTF-8 is
// UTF-8; UTF-16 without a mark shows itself by zero bytes in every other position. Anything else is
// one of the single-byte code pages spreadsheets still write: we decode the sample with each and keep
// the one whose non-ASCII characters look most like real letters of the languages our users write.

export interface DetectedEncoding {
  encoding: TextEncodingLabel
  bomLength: number
  /** How the choice was made, for the notice shown to the user. */
  basis: 'bom' | 'valid-utf-8' | 'utf-16-pattern' | 'letter-frequency'
}

/** Single-byte code pages we try, in order of preference when they score the same. */
const LEGACY: TextEncodingLabel[] = ['windows-1252', 'windows-1250', 'iso-8859-2']

// Letters of Polish and of the Western European languages. In the wrong code page these bytes turn into
// symbols (¹ ³ ¿ ± ¶), control characters or letters of other alphabets, which score lower.
const EXPECTED_LETTERS = new Set(
  'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ' + 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ' + '€‚„“”‘’–—…',
)

function score(text: string): number {
  let total = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) continue
    if (EXPECTED_LETTERS.has(char)) total += 2
    else if (code >= 0x80 && code <= 0x9f)
      total -= 4 // C1 controls: never in real text
    else if (char === '\uFFFD') total -= 4
    else total -= 1
  }
  return total
}

export function looksLikeUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2)
  if (pairs < 4) return null
  let zeroEven = 0
  let zeroOdd = 0
  for (let index = 0; index < pairs * 2; index += 2) {
    if (sample[index] === 0) zeroEven++
    if (sample[index + 1] === 0) zeroOdd++
  }
  // Mostly-ASCII text in UTF-16 has a zero in (nearly) every high byte and almost none in the low ones.
  if (zeroOdd / pairs > 0.4 && zeroEven / pairs < 0.05) return 'utf-16le'
  if (zeroEven / pairs > 0.4 && zeroOdd / pairs < 0.05) return 'utf-16be'
  return null
}

export function isValidUtf8(sample: Uint8Array, truncated: boolean): boolean {
  // A sample cut mid-character must not count against UTF-8: drop an incomplete final sequence.
  let end = sample.length
  if (truncated) {
    let back = 0
    while (back < 3 && end - back - 1 >= 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0x80) back++
    const lead = sample[end - back - 1] ?? 0
    if (lead >= 0xc0) end = end - back - 1
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end))
    return true
  } catch {
    return false
  }
}

/**
 * @param sample the first bytes of the file
 * @param truncated whether the file goes on after the sample
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, basis: 'bom' }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, basis: 'bom' }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, basis: 'bom' }
  const utf16 = looksLikeUtf16(sample)
  if (utf16) return { encoding: utf16, bomLength: 0, basis: 'utf-16-pattern' }
  if (isValidUtf8(sample, truncated)) return { encoding: 'utf-8', bomLength: 0, basis: 'valid-utf-8' }
  let best: TextEncodingLabel = 'windows-1252'
  let bestScore = Number.NEGATIVE_INFINITY
  for (const candidate of LEGACY) {
    const candidateScore = score(new TextDecoder(candidate).decode(sample))
    if (candidateScore > bestScore) {
      best = candidate
      bestScore = candidateScore
    }
  }
  return { encoding: best, bomLength: 0, basis: 'letter-frequency' }
}

/** The encoding's name in the current language (shared ENCODING_NAMES holds the English). */
export function encodingName(encoding: TextEncodingLabel): string {
  return t(`engine:encoding.names.${encoding}`)
}
