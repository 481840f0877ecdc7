import { createColumnHelper } from '@tanstack/react-table'
import type { GridFeatures, RowSlot } from './table-features.ts'

/** The "Row" column every grid starts with: the row's number in the source file. */
export function rowNumberColumn<Row extends { row: number }>() {
  return createColumnHelper<GridFeatures, RowSlot<Row>>().display({
    id: 'row',
    header: 'Row',
    size: 70,
    cell: ({ row }) => <span className="row-number">{row.original.row?.row ?? '…'}</span>,
  })
}
