import type { ProviderDefinition } from '../providers/types.ts'
import type { Assignment } from './mapping.ts'

/** "E-mail Address " → "emailaddress": case, accents, spaces and punctuation never decide a match. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

export interface MatchSuggestion extends Assignment {
  reason: 'key' | 'label' | 'alias'
}

/**
 * Matches source columns to provider fields by header name: the field's key, its label, then its
 * aliases. Each column feeds at most one field and each field takes the first column that names it,
 * so a file with two "Email" columns never silently maps both.
 */
export function autoMatch(headers: readonly string[], provider: ProviderDefinition): MatchSuggestion[] {
  const normalised = headers.map(normaliseHeader)
  const usedColumns = new Set<number>()
  const suggestions: MatchSuggestion[] = []
  for (const field of provider.fields) {
    const candidates: [MatchSuggestion['reason'], string][] = [
      ['key', normaliseHeader(field.key)],
      ['label', normaliseHeader(field.label)],
      ...field.aliases.map((alias): [MatchSuggestion['reason'], string] => ['alias', normaliseHeader(alias)]),
    ]
    for (const [reason, name] of candidates) {
      const column = normalised.findIndex((header, index) => header === name && !usedColumns.has(index))
      if (column === -1) continue
      usedColumns.add(column)
      suggestions.push({ field: field.key, column, reason })
      break
    }
  }
  return suggestions
}
