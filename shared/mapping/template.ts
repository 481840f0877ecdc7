import { z } from 'zod'
import { ProviderId } from '../ids.ts'
import { normaliseHeader } from './auto-match.ts'
import type { Assignment } from './mapping.ts'

// A mapping saved under a name, to reuse on next month's export of the same system. It remembers
// column *names*, not positions, so it still applies when columns move or new ones appear.

export const MappingTemplate = z.object({
  name: z.string().trim().min(1).max(100),
  providerId: ProviderId,
  fields: z.array(z.object({ field: z.string().min(1).max(300), header: z.string().max(1_000) })).max(5_000),
})
export type MappingTemplate = z.infer<typeof MappingTemplate>

export function templateFromAssignments(
  name: string,
  providerId: ProviderId,
  assignments: readonly Assignment[],
  headers: readonly string[],
): MappingTemplate {
  return {
    name: name.trim(),
    providerId,
    fields: assignments.flatMap(({ field, column }) => {
      const header = headers[column]
      return header === undefined ? [] : [{ field, header }]
    }),
  }
}

export interface AppliedTemplate {
  assignments: Assignment[]
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
  const missingHeaders: string[] = []
  for (const { field, header } of template.fields) {
    const column = columns.get(normaliseHeader(header))
    if (column === undefined) missingHeaders.push(header)
    else assignments.push({ field, column })
  }
  return { assignments, missingHeaders }
}
