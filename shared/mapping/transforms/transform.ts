import { z } from 'zod'

// The changes a mapping can make to a column's values on their way to a provider field, in order.
// Plain data (no functions) so a mapping, its transforms and its value maps can be saved in a
// template file, kept in the upload journal and sent over IPC, and be applied identically by the
// engine (validation, upload) and the renderer (live preview).

/** Words of a personal name: a full-name column feeding separate first- and last-name fields. */
export const NamePart = z.enum(['first', 'allButFirst', 'allButLast', 'last'])
export type NamePart = z.infer<typeof NamePart>

export const CaseStyle = z.enum(['upper', 'lower', 'title'])
export type CaseStyle = z.infer<typeof CaseStyle>

/** The order of day, month and year in a date written with numbers only ("03/04/2024"). */
export const DateOrder = z.enum(['DMY', 'MDY', 'YMD'])
export type DateOrder = z.infer<typeof DateOrder>

export const Transform = z.discriminatedUnion('kind', [
  /** Runs of spaces, tabs and line breaks inside the value become one space. */
  z.object({ kind: z.literal('collapseSpaces') }),
  z.object({ kind: z.literal('case'), style: CaseStyle }),
  z.object({ kind: z.literal('namePart'), part: NamePart }),
  /** The `index`-th piece (from 0) of the value split at `separator`, e.g. "Warsaw, PL" → "PL". */
  z.object({
    kind: z.literal('splitPart'),
    separator: z.string().min(1).max(10),
    index: z.number().int().min(0).max(50),
  }),
  /** A phone number written the local way ("601 234 567") in international form, for `country`. */
  z.object({ kind: z.literal('phone'), country: z.string().regex(/^[A-Z]{2}$/) }),
  /** A date in numbers, read in the given order and written as YYYY-MM-DD (time of day kept). */
  z.object({ kind: z.literal('date'), order: DateOrder }),
  /** Values replaced by others, e.g. "Kobieta" → "F"; matched ignoring case and surrounding spaces. */
  z.object({
    kind: z.literal('valueMap'),
    values: z.array(z.object({ from: z.string().max(500), to: z.string().max(500) })).max(1_000),
  }),
])
export type Transform = z.infer<typeof Transform>
export type TransformKind = Transform['kind']
