import { createColumnHelper } from '@tanstack/react-table'
import { useCallback, useMemo } from 'react'
import type { JobId } from '#shared/ids.ts'
import type { Res } from '#shared/ipc/contract.ts'
import { PagedTable } from '../../components/PagedTable.tsx'
import { rowNumberColumn } from '../../components/row-number-column.tsx'
import type { GridFeatures, RowSlot } from '../../components/table-features.ts'
import { api, unwrap } from '../../lib/ipc.ts'

/** One row's outcome: an upload's, or a dry run's (`would…`: nothing was sent). */
type RowOutcome = Res<'upload:results'>['rows'][number]

const column = createColumnHelper<GridFeatures, RowSlot<RowOutcome>>()

const STATUS: Record<RowOutcome['status'], { icon: string; label: string }> = {
  created: { icon: '✓', label: 'created' },
  updated: { icon: '↻', label: 'updated' },
  skipped: { icon: '–', label: 'skipped' },
  failed: { icon: '✕', label: 'failed' },
  wouldCreate: { icon: '+', label: 'Would create' },
  wouldUpdate: { icon: '↻', label: 'Would update' },
  wouldSend: { icon: '→', label: 'Would send' },
}

/** One line per source row: what happened to it, and why when it did not go through. */
export function ResultsTable({ jobId, total }: { jobId: JobId; total: number }) {
  const columns = useMemo(
    () => [
      rowNumberColumn<RowOutcome>(),
      column.display({
        id: 'status',
        header: 'Status',
        // Wide enough for a dry run's "Would update" on one line.
        size: 150,
        cell: ({ row }) => {
          const outcome = row.original.row
          if (!outcome) return null
          return (
            <span className={`status status-${outcome.status}`}>
              <span aria-hidden="true">{STATUS[outcome.status].icon} </span>
              {STATUS[outcome.status].label}
            </span>
          )
        },
      }),
      column.display({
        id: 'message',
        header: 'Message',
        size: 560,
        cell: ({ row }) => <OutcomeMessage outcome={row.original.row} />,
      }),
      column.display({
        id: 'id',
        header: 'ID',
        size: 220,
        cell: ({ row }) => <code>{row.original.row?.id ?? ''}</code>,
      }),
    ],
    [],
  )
  const loadPage = useCallback(
    async (offset: number, limit: number) =>
      (await unwrap(api.upload.results({ jobId, offset, limit }))).rows,
    [jobId],
  )
  return (
    <PagedTable
      label="Row results"
      columns={columns}
      total={total}
      resetKey={`${jobId}:${total}`}
      loadPage={loadPage}
      emptyText="No rows."
    />
  )
}

/** Why a row did not go through, or what the provider remarked on when it did. */
function OutcomeMessage({ outcome }: { outcome: RowOutcome | undefined }) {
  if (!outcome) return null
  return (
    <span className="cell-text wrap">
      {outcome.message ?? ''}
      {outcome.warnings?.map((warning) => (
        <span key={warning} className="outcome-warning">
          <span aria-hidden="true">⚠ </span>
          <span className="visually-hidden">Warning: </span>
          {warning}
        </span>
      ))}
    </span>
  )
}
