import { join } from 'node:path'
import { z } from 'zod'
import type { ProviderId } from '#shared/ids.ts'
import { MappingTemplate } from '#shared/mapping/template.ts'
import { JsonFileStore } from './json-file-store.ts'

/** Saved mapping templates, in `templates.json` of the data folder; one name per provider. */
export class MappingTemplates {
  private readonly file: JsonFileStore<MappingTemplate[]>

  constructor(dataDir: string) {
    this.file = new JsonFileStore(join(dataDir, 'templates.json'), z.array(MappingTemplate), () => [])
  }

  list(providerId: ProviderId): MappingTemplate[] {
    return this.file
      .load()
      .value.filter((template) => template.providerId === providerId)
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Saves, replacing a template of the same name (ignoring case) for the same provider. */
  save(template: MappingTemplate): MappingTemplate {
    const same = (other: MappingTemplate) =>
      other.providerId === template.providerId && other.name.toLowerCase() === template.name.toLowerCase()
    this.file.save([...this.file.load().value.filter((other) => !same(other)), template])
    return template
  }

  delete(providerId: ProviderId, name: string): boolean {
    const all = this.file.load().value
    const remaining = all.filter((other) => !(other.providerId === providerId && other.name === name))
    if (remaining.length === all.length) return false
    this.file.save(remaining)
    return true
  }
}
