import { readFile, stat, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '#shared/errors.ts'
import { ProviderId, SANDBOX_CONNECTION_ID, type ConnectionId, type JobId } from '#shared/ids.ts'
import type { DatasetSummary, JobEvent, TerminalJobEvent } from '#shared/jobs.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { TEMPLATE_FILE_MAX_CHARS, type Res } from '#shared/ipc/contract.ts'
import type { Assignment, Constant } from '#shared/mapping/mapping.ts'
import { applyTemplate, type MappingTemplate } from '#shared/mapping/template.ts'
import { parseTemplateFile } from '#shared/mapping/template-file.ts'
import { defaultPhoneCountry, proposeShapes } from '#shared/mapping/propose-shapes.ts'
import type { NamePart, Transform } from '#shared/mapping/transforms/transform.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { Engine } from '../../engine/engine.ts'
import { checkFilePath } from '../../engine/ingest/check-file-path.ts'
import { progressLine } from '../progress-line.ts'
import { resultOf, runJob } from '../run-job.ts'
import { UsageError } from '../usage-error.ts'

export const EXIT_ALL_SUCCEEDED = 0
export const EXIT_SOME_FAILED = 1
export const EXIT_STOPPED = 3

const PAGE = 1_000

/**
 * `crosswalk import FILE --provider ID (--auto-map | --template NAME|FILE.json) (--sandbox | --connection NAME) [--resume]
 * [--dry-run] [--include-invalid] [--report OUT.json] [--errors OUT.csv]`: the whole import without the window —
 * same engine, same per-row account. Rows with validation errors are skipped (with their reason)
 * unless --include-invalid lets the provider decide. With --resume, an upload of the same file that
 * was stopped (killed, crashed) continues from its journal instead of starting over.
 */
export async function importCommand(engine: Engine, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      'auto-map': { type: 'boolean', default: false },
      template: { type: 'string' },
      sandbox: { type: 'boolean', default: false },
      'include-invalid': { type: 'boolean', default: false },
      connection: { type: 'string' },
      resume: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      report: { type: 'string' },
      errors: { type: 'string' },
    },
  })
  const [file, ...extra] = positionals
  if (!file || extra.length > 0) throw new UsageError('import needs exactly one FILE.')
  const providerId = ProviderId.safeParse(values.provider)
  if (!providerId.success)
    throw new UsageError(`--provider must be one of: ${ProviderId.options.join(', ')}.`)
  if (values['auto-map'] === (values.template !== undefined)) {
    throw new UsageError(
      'Say how to map the columns: --auto-map (matches columns by name) or --template NAME (a mapping saved in the app) or --template FILE.json (a template file).',
    )
  }
  if (values.sandbox === (values.connection !== undefined)) {
    throw new UsageError(
      'Say where to send the rows: --sandbox (the built-in replica of the provider) or --connection NAME (a saved connection).',
    )
  }
  if (values['dry-run'] && values.resume) {
    throw new UsageError('--dry-run checks a new upload; it cannot be combined with --resume.')
  }
  const provider = getProvider(providerId.data)
  const connectionId = values.connection
    ? await savedConnectionId(engine, provider.id, values.connection)
    : SANDBOX_CONNECTION_ID

  const path = await checkFilePath(resolve(file))
  const draw = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r${line}\x1b[K`) : null
  // The app pauses an upload whose credentials were refused, for the person to fix the connection and
  // continue; a command line has nobody to ask, so it stops there (exit 3) with the reason.
  let pausedBecause: string | undefined
  const onEvent = (event: JobEvent) => {
    if (draw && event.type === 'progress') draw(progressLine(event))
    if (event.type === 'paused' && event.reason !== undefined) {
      pausedBecause = event.reason
      engine.cancel(event.jobId)
    }
  }
  const unfinished = values.resume
    ? engine
        .unfinishedUploads()
        .find((upload) => upload.header.file.path === path && upload.header.providerId === provider.id)
    : undefined
  if (unfinished) {
    const answered = unfinished.outcomes.size
    process.stderr.write(
      `Resuming the upload of ${unfinished.header.file.path} started ${unfinished.header.createdAt}: ${answered} of ${unfinished.header.rowCount} rows already have their answer.\n`,
    )
    const run = await runJob(
      async (listener) => (await engine.resumeUpload(unfinished.path, listener)).jobId,
      onEvent,
    )
    return report(engine, { ...run, provider, values, draw, pausedBecause })
  }
  const ingest = resultOf((await runJob((listener) => engine.openFile(path, listener))).terminal)
  if (ingest.kind !== 'ingest') throw new AppError('INTERNAL', 'unexpected job result')
  const { dataset } = ingest
  const template = values.template ? await findTemplate(engine, provider, values.template) : null
  const { assignments, constants } = template
    ? templateMapping(template, dataset.headers, dataset.fileName)
    : { assignments: await autoMapping(engine, provider, dataset), constants: [] }
  if (assignments.length === 0) {
    throw new AppError(
      'MAPPING_INVALID',
      `None of the columns of "${dataset.fileName}" matched a ${provider.displayName} field by name (columns: ${dataset.headers.join(', ')}).`,
    )
  }
  const summary = await engine.applyMapping({
    datasetId: dataset.datasetId,
    mapping: { providerId: provider.id, assignments, ...(constants.length > 0 ? { constants } : {}) },
  })
  const fixed = constants.map(({ field, value }) => `${field} = "${value}"`).join(', ')
  process.stderr.write(
    `${dataset.fileName}: ${dataset.rowCount} rows; mapped ${assignments
      .map(({ field, column, joinColumns = [], transforms = [] }) => {
        const from = [column, ...joinColumns].map((source) => dataset.headers[source]).join(' + ')
        const how = transforms.map((transform) => transformWord(transform)).join(', ')
        return `${from} → ${field}${how ? ` (${how})` : ''}`
      })
      .join(', ')}${fixed ? `; fixed values ${fixed}` : ''}; ${summary.withErrors} with validation errors.\n`,
  )

  const include = values['include-invalid'] ? 'all' : 'valid'
  // --dry-run: the same upload job, which builds and checks every request and sends none (no journal).
  const run = await runJob(
    (listener) =>
      engine.startUpload(
        { datasetId: dataset.datasetId, connectionId, include, dryRun: values['dry-run'] },
        listener,
      ),
    onEvent,
  )
  return report(engine, { ...run, provider, values, draw, pausedBecause })
}

interface Finished {
  jobId: JobId
  terminal: TerminalJobEvent
  provider: ProviderDefinition
  values: { report?: string | undefined; errors?: string | undefined }
  draw: ((line: string) => void) | null
  /** Why the job paused itself (and was then stopped here), e.g. refused credentials. */
  pausedBecause: string | undefined
}

/** Writes the report and the error rows, prints the totals, and gives the exit code. */
async function report(
  engine: Engine,
  { jobId, terminal, provider, values, draw, pausedBecause }: Finished,
): Promise<number> {
  // A stopped job (e.g. the provider refused the credentials) still has a complete per-row account.
  const stopped =
    terminal.type === 'completed'
      ? null
      : terminal.type === 'failed'
        ? terminal.error.message
        : pausedBecause !== undefined
          ? `${pausedBecause.replace(/ Update the credentials in the connection.*$/, '')} Update the connection's credentials in the app, then run the import again.`
          : 'cancelled'
  const { totals, dryRun } = engine.uploadResults({ jobId, offset: 0, limit: 1 })
  if (draw) process.stderr.write('\n')

  const rows: Res<'upload:results'>['rows'] = []
  for (let offset = 0; offset < totals.rows; offset += PAGE) {
    // The report's rows are {row, status, id?, message?}: the kept message (`said`) is the app's concern.
    rows.push(
      ...engine.uploadResults({ jobId, offset, limit: PAGE }).rows.map(({ said: _said, ...row }) => row),
    )
  }
  if (values.report) {
    const report = {
      provider: provider.id,
      ...(dryRun ? { dryRun: true, totals: dryRun } : { totals }),
      rows,
      ...(stopped ? { stopped } : {}),
    }
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`)
  }
  const unsuccessful = rows.filter((row) => row.status === 'failed' || row.status === 'skipped')
  if (values.errors) {
    const { csv } = await engine.unsuccessfulRows(jobId)
    await writeFile(values.errors, csv)
  }
  process.stderr.write(
    dryRun
      ? `Dry run, nothing was sent: ${dryRun.wouldCreate} would be created, ${dryRun.wouldUpdate} would be updated, ${dryRun.wouldSend} would be sent (${provider.displayName} decides create or update), ${dryRun.skipped} skipped, ${dryRun.failed} would fail (of ${dryRun.rows} rows), in ${dryRun.requests} requests.\n`
      : `${totals.created} created, ${totals.updated} updated, ${totals.skipped} skipped, ${totals.failed} failed (of ${totals.rows} rows).\n`,
  )
  if (stopped) {
    process.stderr.write(`Stopped: ${stopped}\n`)
    return EXIT_STOPPED
  }
  return unsuccessful.length === 0 ? EXIT_ALL_SUCCEEDED : EXIT_SOME_FAILED
}

/** The id of the saved connection called `name` for this provider. */
async function savedConnectionId(
  engine: Engine,
  providerId: ProviderId,
  name: string,
): Promise<ConnectionId> {
  const connections = (await engine.listConnections(providerId)).filter((c) => c.kind === 'remote')
  const found = connections.find((connection) => connection.name.toLowerCase() === name.toLowerCase())
  if (found) return found.id
  const names = connections.map((connection) => `"${connection.name}"`).join(', ')
  throw new UsageError(
    `There is no saved ${providerId} connection named "${name}"${names ? ` (saved: ${names})` : ''}. Add it in the app, or use --sandbox.`,
  )
}

/**
 * `--template` is a template file when it ends in .json or names a file that exists (made with
 * “Export to file” in the app, or written by hand: docs/template-format.md); otherwise the name of a
 * template saved in the app (Map step › Save this mapping as). Any problem is one line and exit 2.
 */
async function findTemplate(
  engine: Engine,
  provider: ProviderDefinition,
  nameOrPath: string,
): Promise<MappingTemplate> {
  const path = resolve(nameOrPath)
  const file = await stat(path).catch(() => null)
  if (nameOrPath.toLowerCase().endsWith('.json') || file?.isFile()) {
    if (!file?.isFile()) throw new UsageError(`There is no template file at ${path}.`)
    if (file.size > TEMPLATE_FILE_MAX_CHARS * 4) {
      throw new UsageError(`${path} is too large to be a mapping template.`)
    }
    const parsed = parseTemplateFile(await readFile(path, 'utf8'), basename(path), {
      providerId: provider.id,
    })
    if (!parsed.ok) throw new UsageError(parsed.message)
    return parsed.template
  }
  const templates = engine.templates.list(provider.id)
  const template = templates.find((candidate) => candidate.name.toLowerCase() === nameOrPath.toLowerCase())
  if (!template) {
    const names = templates.map((candidate) => `"${candidate.name}"`).join(', ')
    throw new UsageError(
      `There is no saved ${provider.displayName} mapping named "${nameOrPath}"${names ? ` (saved: ${names})` : ''}. Save one in the app's Map step, give the path of a template .json file, or use --auto-map.`,
    )
  }
  return template
}

/** The template on this file's columns, with its fixed values; says which of its columns are missing. */
function templateMapping(
  template: MappingTemplate,
  headers: readonly string[],
  fileName: string,
): { assignments: Assignment[]; constants: Constant[] } {
  const { assignments, constants, missingHeaders } = applyTemplate(template, headers)
  if (assignments.length === 0) {
    throw new UsageError(
      `None of the columns the mapping "${template.name}" expects (${template.fields.map(({ header }) => header).join(', ')}) are in "${fileName}" (its columns: ${headers.join(', ')}).`,
    )
  }
  if (missingHeaders.length > 0) {
    process.stderr.write(
      `The mapping "${template.name}" expects columns this file does not have: ${missingHeaders.join(', ')}. Those fields are not sent.\n`,
    )
  }
  return { assignments, constants }
}

/** Rows the automatic match looks at to recognise columns by their values, as the app does. */
const SAMPLE_ROWS = 50

/**
 * The app's automatic match: by names, then by the first rows' values, with the shapes and
 * transforms those values need. Local phone numbers are read for a country only when the provider
 * has a home market or the shell's LANG states a region (pl_PL.UTF-8): a script is never guessed for.
 */
async function autoMapping(
  engine: Engine,
  provider: ProviderDefinition,
  dataset: DatasetSummary,
): Promise<Assignment[]> {
  const page = await engine.rows({
    datasetId: dataset.datasetId,
    offset: 0,
    limit: SAMPLE_ROWS,
    filter: 'all',
  })
  const samples = dataset.headers.map((_, column) => page.rows.map((row) => row.cells[column] ?? ''))
  const matched = autoMatch(dataset.headers, provider, samples).map(({ field, column }) => ({
    field,
    column,
  }))
  return proposeShapes(dataset.headers, provider, matched, {
    samples,
    defaultCountry: defaultPhoneCountry(provider.id, process.env['LC_ALL'] || process.env['LANG']),
  }).assignments
}

const NAME_PARTS: Readonly<Record<NamePart, string>> = {
  first: 'first word',
  allButFirst: 'all after the first word',
  allButLast: 'given names',
  last: 'family name',
}

/** A transform in a few words, for the one-line summary of the mapping. */
function transformWord(transform: Transform): string {
  switch (transform.kind) {
    case 'phone':
      return `phone numbers from ${transform.country}`
    case 'date':
      return `dates ${transform.order}`
    case 'namePart':
      return NAME_PARTS[transform.part]
    case 'valueMap':
      return `${transform.values.length} values translated`
    case 'case':
      return `${transform.style} case`
    case 'splitPart':
      return `part ${transform.index + 1} split at "${transform.separator}"`
    case 'collapseSpaces':
      return 'spaces tidied'
  }
}
