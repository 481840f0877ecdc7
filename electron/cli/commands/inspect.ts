import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '#shared/errors.ts'
import type { DatasetId } from '#shared/ids.ts'
import type { Engine } from '../../engine/engine.ts'
import { checkFilePath } from '../../engine/ingest/check-file-path.ts'
import { runJob } from '../run-job.ts'
import { UsageError } from '../usage-error.ts'

const PAGE = 1_000

/**
 * `crosswalk inspect FILE [--limit N]`: what Crosswalk reads from a file, as JSON — the same engine and
 * worker as the app.
 */
export async function inspectCommand(engine: Engine, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: 'string', default: '20' } },
  })
  const [file, ...extra] = positionals
  if (!file || extra.length > 0) throw new UsageError('inspect needs exactly one FILE.')
  const limit = Number(values.limit)
  if (!Number.isInteger(limit) || limit < 0)
    throw new UsageError(`--limit must be a whole number ≥ 0, not "${values.limit}".`)

  const path = await checkFilePath(resolve(file))
  const result = await runJob((listener) => engine.openFile(path, listener))
  if (result.kind !== 'ingest') throw new AppError('INTERNAL', 'unexpected job result')
  const { dataset } = result
  const wanted = limit === 0 ? dataset.rowCount : Math.min(limit, dataset.rowCount)
  const rows: string[][] = []
  for (let offset = 0; offset < wanted; offset += PAGE) {
    const page = await engine.rows({
      datasetId: dataset.datasetId as DatasetId,
      offset,
      limit: Math.min(PAGE, wanted - offset),
      filter: 'all',
    })
    rows.push(...page.rows.map((row) => row.cells))
  }
  const report = {
    format: dataset.format,
    encoding: dataset.encoding,
    delimiter: dataset.delimiter,
    sheet: null,
    headerRow: 1,
    headers: dataset.headers,
    rowCount: dataset.rowCount,
    rows,
    issues: [
      ...dataset.raggedRows.map((row) => ({ kind: 'ragged-row', row })),
      ...dataset.notices.map((message) => ({ kind: 'notice', message })),
    ],
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  return 0
}
