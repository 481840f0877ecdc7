import { z } from 'zod'
import { ProviderId } from '../ids.ts'
import { safeFileName } from '../files/safe-file-name.ts'
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
 * Reads a template file. Every failure comes with a message for the user naming the file and, for
 * a wrong entry, which one and what is wrong with it. With `providerId`, a template made for another
 * provider is a failure too (its fields would mean nothing there).
 */
export function parseTemplateFile(
  text: string,
  fileName: string,
  options: { providerId?: ProviderId } = {},
): ParsedTemplateFile {
  const quoted = `“${fileName}”`
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return fail('not-json', `${quoted} is empty, so it holds no template.`)
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return fail(
      'not-json',
      `${quoted} is not a template file Crosswalk can read: its text is not valid JSON (was it changed in a text editor or cut short?). Export the template again and import that file.`,
    )
  }
  if (!isRecord(json) || json.format !== TEMPLATE_FILE_FORMAT) {
    return fail(
      'not-template',
      `${quoted} is not a Crosswalk mapping template. Choose a file made with “Export to file” in Crosswalk.`,
    )
  }
  const { version } = json
  if (typeof version === 'number' && Number.isInteger(version) && version > TEMPLATE_FILE_VERSION) {
    return fail(
      'newer-version',
      `${quoted} was made by a newer Crosswalk (template format version ${version}; this app reads up to version ${TEMPLATE_FILE_VERSION}). Update Crosswalk, then import it again.`,
    )
  }
  if (version !== TEMPLATE_FILE_VERSION) {
    return fail(
      'invalid',
      `${quoted} is damaged: its "version" should be ${TEMPLATE_FILE_VERSION}. Export the template again and import that file.`,
    )
  }
  const parsed = TemplateFile.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, json))
    const unique = [...new Set(problems)]
    const shown = unique.slice(0, 3).join('; ')
    const more = unique.length > 3 ? ` (and ${unique.length - 3} more problems)` : ''
    return fail('invalid', `${quoted} is not a valid template. ${shown}${more}.`)
  }
  const { format: _format, version: _version, ...template } = parsed.data
  if (options.providerId !== undefined && template.providerId !== options.providerId) {
    return {
      ok: false,
      problem: 'other-provider',
      message: `${quoted} is a template for ${getProvider(template.providerId).displayName}, but this upload goes to ${getProvider(options.providerId).displayName}. Choose ${getProvider(template.providerId).displayName} as the destination to use it.`,
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

const label = (value: unknown) =>
  typeof value === 'string' && value !== '' ? ` (“${value.slice(0, 60)}”)` : ''

/** What a key of a transform must hold, as the user would be told. */
const TRANSFORM_NEEDS: Record<string, string> = {
  country: 'a two-letter country (such as “PL” or “US”)',
  order: 'a date order: DMY, MDY or YMD',
  style: 'a letter case: upper, lower or title',
  part: 'a name part: first, allButFirst, allButLast or last',
  separator: 'a separator of 1 to 10 characters',
  index: 'a piece number from 0 to 50',
  values: 'a list of values, each with “from” and “to”',
}

const FIELD_NEEDS: Record<string, string> = {
  field: 'needs the key of a provider field',
  header: 'needs the name of a column',
  joinHeaders: 'needs a list of column names (at most 20) to join',
  joinWith: 'needs text of at most 10 characters to join with',
  fallback: 'needs a fallback of at most 1,000 characters',
  transforms: 'needs a list of at most 20 transforms',
  value: 'needs a value of 1 to 1,000 characters',
}

const KNOWN_TRANSFORMS = 'collapseSpaces, case, namePart, splitPart, phone, date, valueMap'

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const [top, index, key, ...rest] = issue.path
  if ((top === 'fields' || top === 'constants') && typeof index === 'number') {
    const entry = at(json, [top, index])
    const what = `${top === 'fields' ? 'Field' : 'Fixed value'} ${index + 1}${label(isRecord(entry) ? entry.field : undefined)}`
    if (!isRecord(entry)) return `${what} is not an entry with a "field" and a "header"`
    if (key === 'transforms' && typeof rest[0] === 'number') {
      return `${what}: ${describeTransformIssue(at(json, [top, index, key, rest[0]]), rest.slice(1))}`
    }
    if (typeof key === 'string') return `${what} ${FIELD_NEEDS[key] ?? `has a wrong “${key}”`}`
    return `${what}: ${issue.message}`
  }
  if (top === 'name') return 'The template needs a name of 1 to 100 characters'
  if (top === 'providerId') {
    return `The provider${label(at(json, ['providerId']))} is not one Crosswalk knows (known: ${ProviderId.options.join(', ')})`
  }
  if (top === 'fields') return 'The template needs a list of fields (at most 5,000)'
  if (top === 'constants') return 'The fixed values must be a list (at most 500)'
  return `${issue.path.join('.') || 'The file'}: ${issue.message}`
}

function describeTransformIssue(transform: unknown, path: readonly PropertyKey[]): string {
  if (!isRecord(transform)) return 'one of its transforms is not a transform'
  const kind = typeof transform.kind === 'string' ? transform.kind : ''
  const [key, entry] = path
  if (key === undefined || key === 'kind') {
    return kind === ''
      ? 'one of its transforms has no “kind”'
      : `its transform “${kind}” is not one this app knows (known: ${KNOWN_TRANSFORMS})`
  }
  if (key === 'values' && typeof entry === 'number') {
    return `its transform “${kind}” has a wrong entry ${entry + 1}: each needs “from” and “to”, text of at most 500 characters`
  }
  return `its transform “${kind}” needs ${TRANSFORM_NEEDS[String(key)] ?? `a valid “${String(key)}”`}`
}
