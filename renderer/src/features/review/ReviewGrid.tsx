import { createColumnHelper } from '@tanstack/react-table'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DatasetId } from '#shared/ids.ts'
import type { DuplicateChoice, ReviewRow, RowFilter } from '#shared/ipc/contract.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { PagedTable } from '../../components/PagedTable.tsx'
import { rowNumberColumn } from '../../components/row-number-column.tsx'
import type { GridFeatures, RowSlot } from '../../components/table-features.ts'
import { api, unwrap } from '../../lib/ipc.ts'
import { cellPhrases } from './cell-phrases.ts'
import { ColumnHeading } from './ColumnHeading.tsx'
import { fieldLabel } from './fieldLabels.ts'
import { ReviewCell } from './ReviewCell.tsx'
import { RowChoiceCell } from './RowChoiceCell.tsx'

const column = createColumnHelper<GridFeatures, RowSlot<ReviewRow>>()

interface ReviewGridProps {
  datasetId: DatasetId
  provider: ProviderDefinition
  assignments: readonly Assignment[]
  onEdit(edit: { row: number; column: number; field: string; before: string; after: string }): void
  filter: RowFilter
  total: number
  version: number
  duplicateChoice: DuplicateChoice
  onExclude(row: number, excluded: boolean): void
  /** Rows with an error (a warning) per field, counted in the columns' headings. */
  errorsByField: Readonly<Record<string, number>>
  warningsByField: Readonly<Record<string, number>>
}

/** The mapped values of every row, paged from the engine; cells the provider would refuse are marked. */
export function ReviewGrid({
  datasetId,
  provider,
  assignments,
  onEdit,
  filter,
  total,
  version,
  duplicateChoice,
  onExclude,
  errorsByField,
  warningsByField,
}: ReviewGridProps) {
  // `t` changes with the language, so the headers are made again after a switch.
  const { t } = useTranslation('review')
  const columns = useMemo(() => {
    const phrases = cellPhrases(t)
    return [
      rowNumberColumn<ReviewRow>(),
      column.display({
        id: 'send',
        header: t('grid.send'),
        size: 190,
        cell: ({ row }) => (
          <RowChoiceCell
            row={row.original.row}
            choice={duplicateChoice}
            onExclude={onExclude}
            phrases={phrases}
          />
        ),
      }),
      ...assignments.map(({ field, column: source }) => {
        // Once per column, not per cell: every cell of a scrolling grid is drawn again each frame.
        const label = fieldLabel(provider, field)
        return column.display({
          id: field,
          header: () => (
            <ColumnHeading
              label={label}
              errors={errorsByField[field] ?? 0}
              warnings={warningsByField[field] ?? 0}
              t={t}
            />
          ),
          size: 220,
          cell: ({ row }) => (
            <ReviewCell
              row={row.original.row}
              field={field}
              column={source}
              label={label}
              phrases={phrases}
              onEdit={(after) => {
                const slot = row.original.row
                if (slot)
                  onEdit({ row: slot.row, column: source, field, before: slot.cells[source] ?? '', after })
              }}
            />
          ),
        })
      }),
    ]
  }, [t, assignments, provider, onEdit, duplicateChoice, onExclude, errorsByField, warningsByField])
  const loadPage = useCallback(
    async (offset: number, limit: number) =>
      (await unwrap(api.dataset.rows({ datasetId, offset, limit, filter }))).rows,
    [datasetId, filter],
  )
  return (
    <PagedTable
      label={t('grid.label')}
      columns={columns}
      total={total}
      resetKey={`${datasetId}:${JSON.stringify(filter)}:${version}`}
      loadPage={loadPage}
      emptyText={typeof filter === 'string' ? t(`grid.empty.${filter}`) : t('grid.emptyIssue')}
    />
  )
}
