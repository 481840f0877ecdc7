import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '#shared/errors.ts'
import { ProviderId, SANDBOX_CONNECTION_ID, type ConnectionId, type JobId } from '#shared/ids.ts'
import type { JobEvent, TerminalJobEvent } from '#shared/jobs.ts'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import { applyTemplate } from '#shared/mapping/template.ts'
import type { ProviderDefinition, RowOutcome } from '#shared/providers/types.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { Engine } from '../../engine/engine.ts'
import { checkFilePath } from '../../engine/ingest/check-file-path.ts'
import { isUnsuccessful } from '../../engine/upload/unsuccessful-rows-csv.ts'
import { progressLine } from '../progress-line.ts'
import { resultOf, runJob } from '../run-job.ts'
import { UsageError } from '../usage-error.ts'

export const EXIT_ALL_SUCCEEDED = 0
export const EXIT_SOME_FAILED = 1
export const EXIT_STOPPED = 3

const PAGE = 1_000

/**
 * `crosswalk import FILE --provider ID (--auto-map | --template NAME) (--sandbox | --connection NAME) [--resume]
 * [--include-invalid] [--report OUT.json] [--errors OUT.csv]`: the whole import without the window —
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
      'Say how to map the columns: --auto-map (matches columns by name) or --template NAME (a mapping saved in the app).',
    )
  }
  if (values.sandbox === (values.connection !== undefined)) {
    throw new UsageError(
      'Say where to send the rows: --sandbox (the built-in replica of the provider) or --connection NAME (a saved connection).',
    )
  }
  const provider = getProvider(providerId.data)
  const connectionId = values.connection
    ? await savedConnectionId(engine, provider.id, values.connection)
    : SANDBOX_CONNECTION_ID

  const path = await checkFilePath(resolve(file))
  const draw = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r${line}\x1b[K`) : null
  const onEvent = (event: JobEvent) => {
    if (draw && event.type === 'progress') draw(progressLine(event))
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
    return report(engine, { ...run, provider, values, draw })
  }
  const ingest = resultOf((await runJob((listener) => engine.openFile(path, listener))).terminal)
  if (ingest.kind !== 'ingest') throw new AppError('INTERNAL', 'unexpected job result')
  const { dataset } = ingest
  const assignments = values.template
    ? templateAssignments(engine, provider, values.template, dataset.headers)
    : autoMatch(dataset.headers, provider).map(({ field, column }) => ({ field, column }))
  if (assignments.length === 0) {
    throw new AppError(
      'MAPPING_INVALID',
      `None of the columns of "${dataset.fileName}" matched a ${provider.displayName} field by name (columns: ${dataset.headers.join(', ')}).`,
    )
  }
  const summary = await engine.applyMapping({
    datasetId: dataset.datasetId,
    mapping: { providerId: provider.id, assignments },
  })
  process.stderr.write(
    `${dataset.fileName}: ${dataset.rowCount} rows; mapped ${assignments
      .map(({ field, column }) => `${dataset.headers[column]} → ${field}`)
      .join(', ')}; ${summary.withErrors} with validation errors.\n`,
  )

  const include = values['include-invalid'] ? 'all' : 'valid'
  const run = await runJob(
    (listener) => engine.startUpload({ datasetId: dataset.datasetId, connectionId, include }, listener),
    onEvent,
  )
  return report(engine, { ...run, provider, values, draw })
}

interface Finished {
  jobId: JobId
  terminal: TerminalJobEvent
  provider: ProviderDefinition
  values: { report?: string | undefined; errors?: string | undefined }
  draw: ((line: string) => void) | null
}

/** Writes the report and the error rows, prints the totals, and gives the exit code. */
async function report(
  engine: Engine,
  { jobId, terminal, provider, values, draw }: Finished,
): Promise<number> {
  // A stopped job (e.g. the provider refused the credentials) still has a complete per-row account.
  const stopped =
    terminal.type === 'completed' ? null : terminal.type === 'failed' ? terminal.error.message : 'cancelled'
  const { totals } = engine.uploadResults({ jobId, offset: 0, limit: 1 })
  if (draw) process.stderr.write('\n')

  const rows: RowOutcome[] = []
  for (let offset = 0; offset < totals.rows; offset += PAGE) {
    rows.push(...engine.uploadResults({ jobId, offset, limit: PAGE }).rows)
  }
  if (values.report) {
    const report = { provider: provider.id, totals, rows, ...(stopped ? { stopped } : {}) }
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`)
  }
  const unsuccessful = rows.filter(isUnsuccessful)
  if (values.errors) {
    const { csv } = await engine.unsuccessfulRows(jobId)
    await writeFile(values.errors, csv)
  }
  process.stderr.write(
    `${totals.created} created, ${totals.updated} updated, ${totals.skipped} skipped, ${totals.failed} failed (of ${totals.rows} rows).\n`,
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

/** A mapping saved in the app (Map step › Save this mapping as), applied by column name. */
function templateAssignments(
  engine: Engine,
  provider: ProviderDefinition,
  name: string,
  headers: readonly string[],
): Assignment[] {
  const templates = engine.templates.list(provider.id)
  const template = templates.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
  if (!template) {
    const names = templates.map((candidate) => `"${candidate.name}"`).join(', ')
    throw new UsageError(
      `There is no saved ${provider.displayName} mapping named "${name}"${names ? ` (saved: ${names})` : ''}. Save one in the app's Map step, or use --auto-map.`,
    )
  }
  const { assignments, missingHeaders } = applyTemplate(template, headers)
  if (missingHeaders.length > 0) {
    process.stderr.write(
      `The mapping "${template.name}" expects columns this file does not have: ${missingHeaders.join(', ')}. Those fields are not sent.\n`,
    )
  }
  return assignments
}
