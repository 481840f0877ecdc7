import { z } from 'zod'

/** Text encodings Crosswalk reads; labels are those TextDecoder understands. */
export const TextEncodingLabel = z.enum([
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1250',
  'iso-8859-2',
  'windows-1252',
])
export type TextEncodingLabel = z.infer<typeof TextEncodingLabel>

export const ENCODING_NAMES: Record<TextEncodingLabel, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1250': 'Windows-1250 (Central European)',
  'iso-8859-2': 'ISO-8859-2 (Central European)',
  'windows-1252': 'Windows-1252 (Western European)',
}

export const Delimiter = z.enum([',', ';', '\t', '|'])
export type Delimiter = z.infer<typeof Delimiter>

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
}

/** What the user chose instead of what Crosswalk detected when reading a file. */
export const IngestOptions = z.object({
  encoding: TextEncodingLabel.optional(),
  delimiter: Delimiter.optional(),
  /** Source row number (1-based) of the header row. */
  headerRow: z.number().int().min(1).max(1_000).optional(),
  /** Excel workbooks: the sheet to read (default: the first visible one). */
  sheet: z.string().min(1).max(31).optional(),
})
export type IngestOptions = z.infer<typeof IngestOptions>
