import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '#shared/errors.ts'
import type { DatasetId } from '#shared/ids.ts'
import { IngestOptions, TextEncodingLabel } from '#shared/ingest-options.ts'
import type { Engine } from '../../engine/engine.ts'
import { checkFilePath } from '../../engine/ingest/check-file-path.ts'
import { resultOf, runJob } from '../run-job.ts'
import { UsageError } from '../usage-error.ts'

const PAGE = 1_000
const DELIMITER_WORDS: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  pipe: '|',
  '\\t': '\t',
}

/**
 * `crosswalk inspect FILE [--encoding E] [--delimiter D] [--sheet NAME] [--header-row N] [--limit N]`: what Crosswalk reads from a file, as JSON — the same engine and
 * worker as the app.
 */
export async function inspectCommand(engine: Engine, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '20' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'header-row': { type: 'string' },
      sheet: { type: 'string' },
    },
  })
  const [file, ...extra] = positionals
  if (!file || extra.length > 0) throw new UsageError('inspect needs exactly one FILE.')
  const limit = Number(values.limit)
  if (!Number.isInteger(limit) || limit < 0)
    throw new UsageError(`--limit must be a whole number ≥ 0, not "${values.limit}".`)

  const options = IngestOptions.safeParse({
    encoding: values.encoding?.toLowerCase(),
    delimiter:
      values.delimiter === undefined ? undefined : (DELIMITER_WORDS[values.delimiter] ?? values.delimiter),
    headerRow: values['header-row'] === undefined ? undefined : Number(values['header-row']),
    sheet: values.sheet,
  })
  if (!options.success) {
    throw new UsageError(
      `Check the options: --encoding is one of ${TextEncodingLabel.options.join(', ')}; --delimiter is one of comma, semicolon, tab, pipe (or the character); --header-row is a row number; --sheet is a sheet name of an Excel workbook.`,
    )
  }
  const path = await checkFilePath(resolve(file))
  const result = resultOf(
    (await runJob((listener) => engine.openFile(path, listener, options.data))).terminal,
  )
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
    encoding: dataset.format === 'xlsx' ? null : dataset.encodingLabel,
    delimiter: dataset.format === 'xlsx' ? null : dataset.delimiter,
    sheet: dataset.sheet ?? null,
    headerRow: dataset.headerRow,
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
