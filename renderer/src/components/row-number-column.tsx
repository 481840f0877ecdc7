import { createColumnHelper } from '@tanstack/react-table'
import { t } from '#shared/i18n/i18n.ts'
import type { GridFeatures, RowSlot } from './table-features.ts'

/** Shown while the page holding a row is still on its way: a sign, not a word. */
const LOADING = '…'

/** The "Row" column every grid starts with: the row's number in the source file. */
export function rowNumberColumn<Row extends { row: number }>() {
  return createColumnHelper<GridFeatures, RowSlot<Row>>().display({
    id: 'row',
    // A function, so the heading is looked up when drawn and follows a language switch.
    header: () => t('table.row'),
    size: 70,
    cell: ({ row }) => <span className="row-number">{row.original.row?.row ?? LOADING}</span>,
  })
}
