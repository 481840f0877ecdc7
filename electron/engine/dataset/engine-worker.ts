import { parentPort } from 'node:worker_threads'
import { AppError, toSerializedError } from '#shared/errors.ts'
import type { DatasetId } from '#shared/ids.ts'
import { setLanguage, t } from '#shared/i18n/i18n.ts'
import { readTable } from '../ingest/read-table.ts'
import { Dataset } from './dataset.ts'
import { exportRows } from './export-rows.ts'
import type { FromWorker, ToWorker, WorkerRequests } from './worker-protocol.ts'

// The dataset worker: ingest and validation run here, off the thread that answers the UI, and the
// datasets stay here. Only pages of rows are posted back.

if (!parentPort) throw new Error('engine-worker must run as a worker thread')
const port = parentPort

const datasets = new Map<string, Dataset>()
const cancellations = new Map<number, AbortController>()

function dataset(id: string): Dataset {
  const found = datasets.get(id)
  if (!found) throw new AppError('DATASET_NOT_FOUND', t('engine:file.closed'))
  return found
}

type Handlers = {
  [K in keyof WorkerRequests]: (
    args: WorkerRequests[K]['args'],
    id: number,
  ) => Promise<WorkerRequests[K]['result']> | WorkerRequests[K]['result']
}

const handlers: Handlers = {
  async ingest({ path, datasetId, options }, id) {
    const controller = new AbortController()
    cancellations.set(id, controller)
    try {
      const parsed = await readTable(
        path,
        controller.signal,
        ({ bytesRead, totalBytes, recordsSoFar }) =>
          send({
            kind: 'progress',
            id,
            done: bytesRead,
            total: totalBytes,
            unit: 'bytes',
            ...(recordsSoFar === undefined ? {} : { rowsSoFar: recordsSoFar }),
          }),
        options,
      )
      datasets.set(datasetId, new Dataset(parsed))
      return {
        datasetId: datasetId as DatasetId,
        fileName: parsed.fileName,
        format: parsed.format,
        ...(parsed.sheet !== undefined ? { sheet: parsed.sheet, sheets: parsed.sheets } : {}),
        encoding: parsed.encoding,
        encodingLabel: parsed.encodingLabel,
        headerRow: parsed.headerRow,
        delimiter: parsed.delimiter,
        headers: parsed.headers,
        rowCount: parsed.rowCount,
        emptyRowsSkipped: parsed.emptyRowsSkipped,
        raggedRows: parsed.raggedRows,
        notices: parsed.notices,
      }
    } finally {
      cancellations.delete(id)
    }
  },
  rows: ({ datasetId, offset, limit, filter }) => dataset(datasetId).rows(offset, limit, filter),
  applyMapping: ({ datasetId, mapping }) => dataset(datasetId).applyMapping(mapping),
  prepare({ datasetId, offset, limit, include }) {
    const found = dataset(datasetId)
    return { ...found.prepare(offset, limit, include), rowCount: found.rowCount }
  },
  editCell: ({ datasetId, row, column, value }) => dataset(datasetId).editCell(row, column, value),
  cells: ({ datasetId, rows }) => dataset(datasetId).cellsOf(rows),
  findInColumn: ({ datasetId, ...query }) => dataset(datasetId).findInColumn(query),
  replaceInColumn: ({ datasetId, ...query }) => dataset(datasetId).replaceInColumn(query),
  revertReplace: ({ datasetId, replaceId, direction }) =>
    dataset(datasetId).revertReplace(replaceId, direction),
  columnStats: ({ datasetId }) => dataset(datasetId).columnStats(),
  edits: ({ datasetId }) => dataset(datasetId).editList(),
  exclude: ({ datasetId, target, excluded }) => dataset(datasetId).exclude(target, excluded),
  duplicateChoice: ({ datasetId, choice }) => dataset(datasetId).setDuplicateChoice(choice),
  rowChoices: ({ datasetId }) => dataset(datasetId).rowChoices(),
  dispose({ datasetId }) {
    datasets.delete(datasetId)
    return null
  },
  exportRows({ datasetId, ...options }) {
    const found = dataset(datasetId)
    return exportRows({
      ...options,
      headers: found.parsed.headers,
      source: (offset, limit, filter) => found.rows(offset, limit, filter),
    })
  },
  setLanguage({ language }) {
    setLanguage(language)
    return null
  },
}

function send(message: FromWorker) {
  port.postMessage(message)
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') {
    cancellations.get(message.id)?.abort()
    return
  }
  const handler = handlers[message.type] as (args: unknown, id: number) => unknown
  Promise.resolve()
    .then(() => handler(message.args, message.id))
    .then(
      (value) => send({ kind: 'result', id: message.id, value }),
      (error: unknown) => {
        if (!(error instanceof AppError)) console.error(`[engine-worker] ${message.type} failed`, error)
        send({ kind: 'error', id: message.id, error: toSerializedError(error) })
      },
    )
})
