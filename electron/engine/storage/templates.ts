import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { ProviderId } from '#shared/ids.ts'
import { MappingTemplate } from '#shared/mapping/template.ts'
import { JsonFileStore } from './json-file-store.ts'

const NAME_MAX = 100

export type AddOutcome =
  | { status: 'imported'; template: MappingTemplate; replaced: boolean }
  | { status: 'clash'; name: string; suggestedName: string }

/** Names are compared ignoring case: “Shop export” and “shop export” would be confused in a list. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

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

  find(providerId: ProviderId, name: string): MappingTemplate | undefined {
    return this.list(providerId).find((template) => sameName(template.name, name))
  }

  /** Saves, replacing a template of the same name (ignoring case) for the same provider. */
  save(template: MappingTemplate): MappingTemplate {
    const same = (other: MappingTemplate) =>
      other.providerId === template.providerId && sameName(other.name, template.name)
    this.file.save([...this.file.load().value.filter((other) => !same(other)), template])
    return template
  }

  /** “Name”, or the first of “Name (2)”, “Name (3)”… not yet used for this provider. */
  freeName(providerId: ProviderId, name: string): string {
    const taken = this.list(providerId).map((template) => template.name)
    const base = name.trim().replace(/ \(\d+\)$/, '')
    let candidate = name.trim()
    for (let n = 2; taken.some((other) => sameName(other, candidate)); n++) {
      const suffix = ` (${n})`
      candidate = base.slice(0, NAME_MAX - suffix.length) + suffix
    }
    return candidate
  }

  /**
   * Adds a template from elsewhere (an imported file). When its name is taken, `ask` changes nothing
   * and says so, `keepBoth` saves it as “Name (2)”, `replace` overwrites the saved one.
   */
  add(template: MappingTemplate, onClash: 'ask' | 'keepBoth' | 'replace'): AddOutcome {
    const existing = this.find(template.providerId, template.name)
    if (existing && onClash === 'ask') {
      return {
        status: 'clash',
        name: existing.name,
        suggestedName: this.freeName(template.providerId, template.name),
      }
    }
    const name =
      existing && onClash === 'keepBoth' ? this.freeName(template.providerId, template.name) : template.name
    return {
      status: 'imported',
      template: this.save({ ...template, name }),
      replaced: Boolean(existing) && onClash === 'replace',
    }
  }

  /** Gives a saved template another name; refuses a name another template already has. */
  rename(providerId: ProviderId, from: string, to: string): MappingTemplate {
    const template = this.find(providerId, from)
    if (!template) {
      throw new AppError('MAPPING_INVALID', t('engine:templates.gone', { name: from }))
    }
    const clash = this.find(providerId, to)
    if (clash && !sameName(clash.name, from)) {
      throw new AppError('MAPPING_INVALID', t('engine:templates.nameTaken', { name: clash.name }))
    }
    const renamed = { ...template, name: to.trim() }
    const rest = this.file
      .load()
      .value.filter((other) => !(other.providerId === providerId && sameName(other.name, from)))
    this.file.save([...rest, renamed])
    return renamed
  }

  delete(providerId: ProviderId, name: string): boolean {
    const all = this.file.load().value
    const remaining = all.filter((other) => !(other.providerId === providerId && sameName(other.name, name)))
    if (remaining.length === all.length) return false
    this.file.save(remaining)
    return true
  }
}
