import { createColumnHelper } from '@tanstack/react-table'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobId } from '#shared/ids.ts'
import type { Res } from '#shared/ipc/contract.ts'
import { PagedTable } from '../../components/PagedTable.tsx'
import { rowNumberColumn } from '../../components/row-number-column.tsx'
import type { GridFeatures, RowSlot } from '../../components/table-features.ts'
import { api, unwrap } from '../../lib/ipc.ts'
import { OutcomeMessage } from './OutcomeMessage.tsx'

/** One row's outcome: an upload's, or a dry run's (`would…`: nothing was sent). */
export type RowOutcome = Res<'upload:results'>['rows'][number]

const column = createColumnHelper<GridFeatures, RowSlot<RowOutcome>>()

// The icon repeats the word for sighted readers (hidden from screen readers); the word is
// `upload:results.outcome.<status>`.
const ICON: Record<RowOutcome['status'], string> = {
  created: '✓',
  updated: '↻',
  skipped: '–',
  failed: '✕',
  wouldCreate: '+',
  wouldUpdate: '↻',
  wouldSend: '→',
}

/** One line per source row: what happened to it, and why when it did not go through. */
export function ResultsTable({ jobId, total }: { jobId: JobId; total: number }) {
  const { t } = useTranslation('upload')
  const columns = useMemo(
    () => [
      rowNumberColumn<RowOutcome>(),
      column.display({
        id: 'status',
        header: t('results.status'),
        // Wide enough for a dry run's "Would update" on one line.
        size: 150,
        cell: ({ row }) => {
          const outcome = row.original.row
          if (!outcome) return null
          return (
            <span className={`status status-${outcome.status}`}>
              <span aria-hidden="true">{ICON[outcome.status]} </span>
              {t(`results.outcome.${outcome.status}`)}
            </span>
          )
        },
      }),
      column.display({
        id: 'message',
        header: t('results.message'),
        size: 560,
        cell: ({ row }) => <OutcomeMessage outcome={row.original.row} />,
      }),
      column.display({
        id: 'id',
        header: t('results.id'),
        size: 220,
        cell: ({ row }) => <code>{row.original.row?.id ?? ''}</code>,
      }),
    ],
    [t],
  )
  const loadPage = useCallback(
    async (offset: number, limit: number) =>
      (await unwrap(api.upload.results({ jobId, offset, limit }))).rows,
    [jobId],
  )
  return (
    <PagedTable
      label={t('results.label')}
      columns={columns}
      total={total}
      resetKey={`${jobId}:${total}`}
      loadPage={loadPage}
      emptyText={t('results.empty')}
    />
  )
}
