import { join } from 'node:path'
import { z } from 'zod'
import type { ProviderId } from '#shared/ids.ts'
import { normaliseHeader } from '#shared/mapping/normalise-header.ts'
import { MappingTemplate } from '#shared/mapping/template.ts'
import { JsonFileStore } from './json-file-store.ts'

// The mappings of the last uploads, remembered without the person saving anything, so that next
// month's export of the same system is offered the mapping that worked last time (named after the
// file it was used on). Saved templates are the person's own list; these come and go by themselves.

/** Per provider: enough for the few systems one team exports from, few enough to stay unobtrusive. */
export const RECENT_PER_PROVIDER = 5

export const RecentMapping = z.object({
  template: MappingTemplate,
  usedAt: z.iso.datetime(),
})
export type RecentMapping = z.infer<typeof RecentMapping>

/** The columns a mapping reads, as a set: two uploads of the same system's export share it. */
const columnsKey = (template: MappingTemplate): string =>
  [
    ...new Set(
      template.fields.flatMap((field) => [field.header, ...(field.joinHeaders ?? [])]).map(normaliseHeader),
    ),
  ]
    .sort()
    .join('\u0000')

export class RecentMappings {
  private readonly file: JsonFileStore<RecentMapping[]>

  constructor(dataDir: string) {
    this.file = new JsonFileStore(join(dataDir, 'recent-mappings.json'), z.array(RecentMapping), () => [])
  }

  /** The provider's remembered mappings, newest first. */
  list(providerId: ProviderId): RecentMapping[] {
    return this.file
      .load()
      .value.filter((entry) => entry.template.providerId === providerId)
      .sort((a, b) => b.usedAt.localeCompare(a.usedAt))
  }

  /**
   * Remembers the mapping of an upload; replaces one that read the same columns (the same system's
   * export, mapped again) and forgets the oldest beyond RECENT_PER_PROVIDER.
   */
  remember(template: MappingTemplate, usedAt: Date): void {
    if (template.fields.length === 0) return
    const key = columnsKey(template)
    const all = this.file.load().value
    const others = all.filter((entry) => entry.template.providerId !== template.providerId)
    const kept = this.list(template.providerId)
      .filter((entry) => columnsKey(entry.template) !== key)
      .slice(0, RECENT_PER_PROVIDER - 1)
    this.file.save([...others, { template, usedAt: usedAt.toISOString() }, ...kept])
  }
}
