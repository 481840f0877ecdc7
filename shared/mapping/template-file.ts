import { z } from 'zod'
import { ProviderId } from '../ids.ts'
import { safeFileName } from '../files/safe-file-name.ts'
import { t } from '../i18n/i18n.ts'
import { getProvider } from '../providers/registry.ts'
import { MappingTemplate } from './template.ts'

// A mapping template as a file the user can keep, mail to a colleague or put next to the monthly
// export (docs/template-format.md describes it for people). The `format` and `version` keys come
// first so that a file is recognisable at a glance and a later app can read old files: version 1
// is what this app writes and the newest it reads. Templates hold column names, field keys,
// transforms and fixed values only: no credentials, connection or customer data.

export const TEMPLATE_FILE_FORMAT = 'crosswalk.mapping-template'
export const TEMPLATE_FILE_VERSION = 1

export const TemplateFile = MappingTemplate.extend({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  version: z.literal(TEMPLATE_FILE_VERSION),
})
export type TemplateFile = z.infer<typeof TemplateFile>

export function toTemplateFile(template: MappingTemplate): TemplateFile {
  return { format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, ...template }
}

/** The file's text: indented, so it can be read and compared in a text editor. */
export function templateFileText(template: MappingTemplate): string {
  return `${JSON.stringify(toTemplateFile(template), null, 2)}\n`
}

/** The name offered when saving, e.g. "Shop export.json". */
export function templateFileName(template: Pick<MappingTemplate, 'name'>): string {
  // A slash in the name is part of the name, not a folder.
  return safeFileName(`${template.name.replace(/[\\/]/g, '_')}.json`)
}

export type TemplateFileProblem = 'not-json' | 'not-template' | 'newer-version' | 'invalid'

export type ParsedTemplateFile =
  | { ok: true; template: MappingTemplate }
  | { ok: false; problem: TemplateFileProblem; message: string }
  /** Readable, but made for another provider: the caller decides whether to refuse, so it gets the template. */
  | { ok: false; problem: 'other-provider'; message: string; template: MappingTemplate }

/**
 * Reads a template file. Every failure comes with a message for the user (in the current language)
 * naming the file and, for a wrong entry, which one and what is wrong with it. With `providerId`, a
 * template made for another provider is a failure too (its fields would mean nothing there).
 */
export function parseTemplateFile(
  text: string,
  fileName: string,
  options: { providerId?: ProviderId } = {},
): ParsedTemplateFile {
  const file = fileName
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return fail('not-json', t('engine:templateFile.empty', { file }))
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return fail('not-json', t('engine:templateFile.notJson', { file }))
  }
  if (!isRecord(json) || json.format !== TEMPLATE_FILE_FORMAT) {
    return fail('not-template', t('engine:templateFile.notTemplate', { file }))
  }
  const { version } = json
  if (typeof version === 'number' && Number.isInteger(version) && version > TEMPLATE_FILE_VERSION) {
    return fail(
      'newer-version',
      t('engine:templateFile.newerVersion', { file, version, supported: TEMPLATE_FILE_VERSION }),
    )
  }
  if (version !== TEMPLATE_FILE_VERSION) {
    return fail('invalid', t('engine:templateFile.wrongVersion', { file, supported: TEMPLATE_FILE_VERSION }))
  }
  const parsed = TemplateFile.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, json))
    const unique = [...new Set(problems)]
    const shown = unique.slice(0, 3).join(t('engine:templateFile.problemSeparator'))
    return fail(
      'invalid',
      unique.length > 3
        ? t('engine:templateFile.invalidMore', { file, problems: shown, count: unique.length - 3 })
        : t('engine:templateFile.invalid', { file, problems: shown }),
    )
  }
  const { format: _format, version: _version, ...template } = parsed.data
  if (options.providerId !== undefined && template.providerId !== options.providerId) {
    return {
      ok: false,
      problem: 'other-provider',
      message: t('engine:templateFile.otherProvider', {
        file,
        templateProvider: getProvider(template.providerId).displayName,
        provider: getProvider(options.providerId).displayName,
      }),
      template,
    }
  }
  return { ok: true, template }
}

function fail(problem: TemplateFileProblem, message: string): ParsedTemplateFile {
  return { ok: false, problem, message }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `json` at `path`, or undefined where the path leads nowhere. */
function at(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** A name worth showing next to an entry (its field key, the provider), or undefined. */
const shownName = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value.slice(0, 60) : undefined

// What a key must hold, as the user would be told: functions, so each is said in the language of the
// moment it is needed.

const TRANSFORM_NEEDS: Record<string, () => string> = {
  country: () => t('engine:templateFile.transform.what.country'),
  order: () => t('engine:templateFile.transform.what.order'),
  style: () => t('engine:templateFile.transform.what.style'),
  part: () => t('engine:templateFile.transform.what.part'),
  separator: () => t('engine:templateFile.transform.what.separator', { max: 10 }),
  index: () => t('engine:templateFile.transform.what.index', { max: 50 }),
  values: () => t('engine:templateFile.transform.what.values'),
}

const FIELD_NEEDS: Record<string, (entry: string) => string> = {
  field: (entry) => t('engine:templateFile.entry.needs.field', { entry }),
  header: (entry) => t('engine:templateFile.entry.needs.header', { entry }),
  joinHeaders: (entry) => t('engine:templateFile.entry.needs.joinHeaders', { entry, max: 20 }),
  joinWith: (entry) => t('engine:templateFile.entry.needs.joinWith', { entry, max: 10 }),
  fallback: (entry) => t('engine:templateFile.entry.needs.fallback', { entry, max: 1000 }),
  transforms: (entry) => t('engine:templateFile.entry.needs.transforms', { entry, max: 20 }),
  value: (entry) => t('engine:templateFile.entry.needs.value', { entry, max: 1000 }),
}

/** `table[key]` when the key is its own (never `toString` and friends from the prototype). */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined

const KNOWN_TRANSFORMS = 'collapseSpaces, case, namePart, splitPart, phone, date, valueMap'

/** "Field 2 (“email”)", "Fixed value 1": which entry of the file is wrong. */
function entryName(list: 'fields' | 'constants', index: number, entry: unknown): string {
  const name = shownName(isRecord(entry) ? entry.field : undefined)
  const number = index + 1
  if (list === 'fields') {
    return name === undefined
      ? t('engine:templateFile.entry.field', { number })
      : t('engine:templateFile.entry.fieldNamed', { number, name })
  }
  return name === undefined
    ? t('engine:templateFile.entry.constant', { number })
    : t('engine:templateFile.entry.constantNamed', { number, name })
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const [top, index, key, ...rest] = issue.path
  if ((top === 'fields' || top === 'constants') && typeof index === 'number') {
    const entry = at(json, [top, index])
    const what = entryName(top, index, entry)
    if (!isRecord(entry)) return t('engine:templateFile.entry.notEntry', { entry: what })
    if (key === 'transforms' && typeof rest[0] === 'number') {
      const problem = describeTransformIssue(at(json, [top, index, key, rest[0]]), rest.slice(1))
      return t('engine:templateFile.entry.problem', { entry: what, problem })
    }
    if (typeof key === 'string') {
      const needs = own(FIELD_NEEDS, key)
      return needs ? needs(what) : t('engine:templateFile.entry.wrongKey', { entry: what, key })
    }
    return t('engine:templateFile.entry.problem', { entry: what, problem: issue.message })
  }
  if (top === 'name') return t('engine:templateFile.name', { max: 100 })
  if (top === 'providerId') {
    const name = shownName(at(json, ['providerId']))
    const known = ProviderId.options.join(', ')
    return name === undefined
      ? t('engine:templateFile.provider', { known })
      : t('engine:templateFile.providerNamed', { name, known })
  }
  if (top === 'fields') return t('engine:templateFile.fields', { max: 5000 })
  if (top === 'constants') return t('engine:templateFile.constants', { max: 500 })
  const path = issue.path.join('.') || t('engine:templateFile.theFile')
  return t('engine:templateFile.other', { path, problem: issue.message })
}

function describeTransformIssue(transform: unknown, path: readonly PropertyKey[]): string {
  if (!isRecord(transform)) return t('engine:templateFile.transform.notTransform')
  const kind = typeof transform.kind === 'string' ? transform.kind : ''
  const [key, entry] = path
  if (key === undefined || key === 'kind') {
    return kind === ''
      ? t('engine:templateFile.transform.noKind')
      : t('engine:templateFile.transform.unknownKind', { kind, known: KNOWN_TRANSFORMS })
  }
  if (key === 'values' && typeof entry === 'number') {
    return t('engine:templateFile.transform.wrongValue', { kind, entry: entry + 1, max: 500 })
  }
  const needs = own(TRANSFORM_NEEDS, String(key))
  return needs
    ? t('engine:templateFile.transform.needs', { kind, needs: needs() })
    : t('engine:templateFile.transform.needsValid', { kind, key: String(key) })
}
