import { FlexRender, useTable, type ColumnDef } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { Alert } from './Alert.tsx'
import { gridFeatures, type GridFeatures, type RowSlot } from './table-features.ts'
import { usePagedRows } from './usePagedRows.ts'

const ROW_HEIGHT = 36

interface PagedTableProps<Row> {
  label: string
  columns: ColumnDef<GridFeatures, RowSlot<Row>>[]
  total: number
  resetKey: string
  loadPage(offset: number, limit: number): Promise<Row[]>
  height?: number
  emptyText: string
}

/**
 * A grid over rows that live in the engine: the virtualizer decides which positions are on screen, the
 * visible pages are fetched, and TanStack Table renders just those rows. Scrolling a million rows costs
 * the same as scrolling twenty.
 */
export function PagedTable<Row>({
  label,
  columns,
  total,
  resetKey,
  loadPage,
  height = 420,
  emptyText,
}: PagedTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { rowAt, ensureRange, error } = usePagedRows(resetKey, loadPage)
  // Important: the virtualizer lives here, in the lowest component, so scrolling re-renders only the grid.
  // (We do not run the React Compiler, so its note about memoizing useVirtualizer does not apply.)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    getScrollElement: () => scrollRef.current,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (last >= first) ensureRange(first, last)
  }, [first, last, ensureRange])

  const data = items.map((item) => ({ index: item.index, row: rowAt(item.index) }))
  const table = useTable({ features: gridFeatures, columns, data, getRowId: (slot) => String(slot.index) })
  const rows = table.getRowModel().rows

  return (
    <div className="paged-table">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div
        className="table-scroll"
        ref={scrollRef}
        style={{ height }}
        tabIndex={0}
        aria-label={`${label}, scrollable`}
      >
        <table role="table" aria-label={label} aria-rowcount={total + 1} className="grid-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row" aria-rowindex={1}>
                {group.headers.map((header) => (
                  <th key={header.id} role="columnheader" scope="col" style={{ width: header.getSize() }}>
                    <FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row, position) => {
              const item = items[position]
              if (!item) return null
              return (
                <tr
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} role="cell" style={{ width: cell.column.getSize() }}>
                      <FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
        {total === 0 ? <p className="table-empty">{emptyText}</p> : null}
      </div>
    </div>
  )
}
