import { t } from '#shared/i18n/i18n.ts'
import type { ProviderId } from '#shared/ids.ts'
import { fieldLabel } from '#shared/i18n/provider-text.ts'
import type { AppliedTemplate, MappingTemplate } from '#shared/mapping/template.ts'
import { getProvider } from '#shared/providers/registry.ts'

// What the template bar tells the person after applying, saving or importing a template.

/**
 * A note under the template bar. Its words are functions, said when the note is shown, so a note on
 * screen follows a change of language; an engine error arrives already worded, and is kept as it came.
 */
export interface TemplateNote {
  tone: 'info' | 'warning' | 'error'
  title?: () => string
  text: () => string
}

const quoted = (names: readonly string[]) =>
  names.map((name) => t('mapping:summary.quoted', { text: name })).join(', ')

/** What applying did, in words: which fields now have a column and which do not (and why). */
export function explainApplied(
  template: MappingTemplate,
  applied: AppliedTemplate,
  providerId: ProviderId,
): TemplateNote {
  const provider = getProvider(providerId)
  const labelOf = (key: string) => {
    const field = provider.fields.find((candidate) => candidate.key === key)
    return field ? fieldLabel(providerId, field) : key
  }
  const counts = () => ({
    fields: t('mapping:templateNotes.fields', { count: applied.assignments.length }),
    fixed:
      applied.constants.length > 0
        ? t('mapping:templateNotes.fixedValues', { count: applied.constants.length })
        : '',
  })
  if (applied.missingHeaders.length === 0) {
    return {
      tone: 'info',
      text: () => t('mapping:templateNotes.applied', { name: template.name, ...counts() }),
    }
  }
  const mappedFields = new Set(applied.assignments.map(({ field }) => field))
  const notApplied = template.fields.filter(({ field }) => !mappedFields.has(field))
  const partly = template.fields.filter(
    ({ field, joinHeaders }) =>
      mappedFields.has(field) &&
      (joinHeaders ?? []).some((header) => applied.missingHeaders.includes(header)),
  )
  return {
    tone: 'warning',
    title: () => t('mapping:templateNotes.appliedInPart', { name: template.name }),
    text: () =>
      [
        t('mapping:templateNotes.missingColumns', { columns: quoted(applied.missingHeaders) }),
        t('mapping:templateNotes.stillApplied', counts()),
        notApplied.length > 0
          ? t('mapping:templateNotes.notMapped', {
              count: notApplied.length,
              fields: notApplied
                .map(({ field, header }) =>
                  t('mapping:templateNotes.fromColumn', { field: labelOf(field), column: header }),
                )
                .join(', '),
            })
          : '',
        partly.length > 0
          ? t('mapping:templateNotes.joinedWithoutMissing', {
              fields: partly.map(({ field }) => labelOf(field)).join(', '),
            })
          : '',
      ]
        .filter(Boolean)
        .join(' '),
  }
}

/** The notes for what the person did with their templates. */
export const templateNotes = {
  saved: (name: string): TemplateNote => ({
    tone: 'info',
    text: () => t('mapping:templateNotes.savedAs', { name }),
  }),
  renamed: (from: string, to: string): TemplateNote => ({
    tone: 'info',
    text: () => t('mapping:templateNotes.renamed', { from, to }),
  }),
  deleted: (name: string): TemplateNote => ({
    tone: 'info',
    text: () => t('mapping:templateNotes.deleted', { name }),
  }),
  exported: (name: string, file: string): TemplateNote => ({
    tone: 'info',
    text: () => t('mapping:templateNotes.exported', { name, file }),
  }),
  imported: (name: string, file: string, replaced: boolean): TemplateNote => ({
    tone: 'info',
    text: () =>
      replaced
        ? t('mapping:templateNotes.importedReplacing', { name, file })
        : t('mapping:templateNotes.imported', { name, file }),
  }),
  tooLarge: (file: string): TemplateNote => ({
    tone: 'error',
    text: () => t('mapping:templateNotes.tooLarge', { file }),
  }),
  /** An engine error, already in the language that was chosen when it happened. */
  failed: (text: string): TemplateNote => ({ tone: 'error', text: () => text }),
}
