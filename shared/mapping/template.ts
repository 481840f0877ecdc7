import { z } from 'zod'
import { ProviderId } from '../ids.ts'
import { normaliseHeader } from './normalise-header.ts'
import { Constant, type Assignment, type Mapping } from './mapping.ts'
import { Transform } from './transforms/transform.ts'

// A mapping saved under a name, to reuse on next month's export of the same system. It remembers
// column *names*, not positions, so it still applies when columns move or new ones appear; and it
// keeps the transforms, value maps and constants, which are most of the work of a mapping.

export const TemplateField = z.object({
  field: z.string().min(1).max(300),
  header: z.string().max(1_000),
  joinHeaders: z.array(z.string().max(1_000)).max(20).optional(),
  joinWith: z.string().max(10).optional(),
  transforms: z.array(Transform).max(20).optional(),
  fallback: z.string().max(1_000).optional(),
})
export type TemplateField = z.infer<typeof TemplateField>

export const MappingTemplate = z.object({
  name: z.string().trim().min(1).max(100),
  providerId: ProviderId,
  fields: z.array(TemplateField).max(5_000),
  constants: z.array(Constant).max(500).optional(),
})
export type MappingTemplate = z.infer<typeof MappingTemplate>

export function templateFromAssignments(
  name: string,
  providerId: ProviderId,
  assignments: readonly Assignment[],
  headers: readonly string[],
  constants: Mapping['constants'] = [],
): MappingTemplate {
  return {
    name: name.trim(),
    providerId,
    fields: assignments.flatMap(({ field, column, joinColumns, joinWith, transforms, fallback }) => {
      const header = headers[column]
      if (header === undefined) return []
      const joinHeaders = (joinColumns ?? []).flatMap((joined) => headers[joined] ?? [])
      return [
        {
          field,
          header,
          ...(joinHeaders.length > 0 ? { joinHeaders } : {}),
          ...(joinWith !== undefined && joinHeaders.length > 0 ? { joinWith } : {}),
          ...(transforms && transforms.length > 0 ? { transforms } : {}),
          ...(fallback !== undefined ? { fallback } : {}),
        },
      ]
    }),
    ...(constants.length > 0 ? { constants: [...constants] } : {}),
  }
}

export interface AppliedTemplate {
  assignments: Assignment[]
  constants: NonNullable<Mapping['constants']>
  /** Column names the template expects that this file does not have. */
  missingHeaders: string[]
}

/** The template's fields on this file's columns, matched by name (case, accents and punctuation ignored). */
export function applyTemplate(template: MappingTemplate, headers: readonly string[]): AppliedTemplate {
  const columns = new Map<string, number>()
  headers.forEach((header, column) => {
    const key = normaliseHeader(header)
    if (!columns.has(key)) columns.set(key, column)
  })
  const assignments: Assignment[] = []
  const missing = new Set<string>()
  for (const { field, header, joinHeaders, joinWith, transforms, fallback } of template.fields) {
    const column = columns.get(normaliseHeader(header))
    if (column === undefined) {
      missing.add(header)
      continue
    }
    // A joined column the file lacks is left out of the join (and named), the rest still applies.
    const joinColumns: number[] = []
    for (const joined of joinHeaders ?? []) {
      const found = columns.get(normaliseHeader(joined))
      if (found === undefined) missing.add(joined)
      else joinColumns.push(found)
    }
    assignments.push({
      field,
      column,
      ...(joinColumns.length > 0 ? { joinColumns } : {}),
      ...(joinWith !== undefined && joinColumns.length > 0 ? { joinWith } : {}),
      ...(transforms && transforms.length > 0 ? { transforms } : {}),
      ...(fallback !== undefined ? { fallback } : {}),
    })
  }
  return { assignments, constants: template.constants ?? [], missingHeaders: [...missing] }
}
