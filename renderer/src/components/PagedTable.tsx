import { FlexRender, useTable, type ColumnDef } from '@tanstack/react-table'
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from './Alert.tsx'
import { anchorFor, type DrawnRows } from './row-keys.ts'
import { drawnAt, scrollScale } from './scroll-scale.ts'
import { gridFeatures, type GridFeatures, type RowSlot } from './table-features.ts'
import { usePagedRows } from './usePagedRows.ts'

const ROW_HEIGHT = 36
const OVERSCAN = 3

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
 * the same as scrolling twenty. So that the browser's style and layout work per frame stays small:
 * - a row keeps its elements (and an open editor, with what was typed) while it is on screen, and no
 *   row's elements move (row-keys.ts);
 * - the rows lie one under another, pushed down to where the first belongs by the body's top padding:
 *   one style change a frame. Moving each row with its own transform made Chromium restyle every cell
 *   of every row on each frame (scroll bench at a million rows: style recalculation 7.6 ms a frame,
 *   frames of 33–50 ms; with the padding about 1.3 ms, 0.7 ms with row-keys.ts, and frames of 17 ms).
 * A grid taller than browsers lay out scrolls a capped element (scroll-scale.ts).
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
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const { rowAt, ensureRange, error } = usePagedRows(resetKey, loadPage)
  // The rows' part of the scrolled element: its inner height less the sticky header, so that at the
  // bottom of a scaled scroll the last row sits exactly at the bottom edge.
  const [rowsViewport, setRowsViewport] = useState(height - ROW_HEIGHT)
  useLayoutEffect(() => {
    const element = scrollRef.current
    const head = element?.querySelector('thead')
    if (element && head) setRowsViewport(element.clientHeight - head.offsetHeight)
  }, [height])
  const scale = scrollScale(total * ROW_HEIGHT, rowsViewport)
  // The virtualizer works in rows' pixels; the element scrolls in its own (fewer, when capped).
  const factor = useRef(scale.factor)
  factor.current = scale.factor
  // Important: the virtualizer lives here, in the lowest component, so scrolling re-renders only the grid.
  // (We do not run the React Compiler, so its note about memoizing useVirtualizer does not apply.)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    getScrollElement: () => scrollRef.current,
    overscan: OVERSCAN,
    // React renders the new rows with the next frame instead of inside each scroll event.
    useFlushSync: false,
    observeElementOffset: (instance, notify) =>
      observeElementOffset(instance, (offset, scrolling) => notify(offset * factor.current, scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / factor.current, options, instance),
  })
  const rowsOffset = virtualizer.scrollOffset ?? 0
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1
  // Keys for the rows (row-keys.ts), from what the last committed render drew.
  const drawn = useRef<DrawnRows | null>(null)
  const anchor = anchorFor(drawn.current, first, last)
  useLayoutEffect(() => {
    drawn.current = { first, last, anchor }
  }, [first, last, anchor])
  // Rows are drawn consecutively from the first: items are consecutive and all ROW_HEIGHT tall.
  const firstDrawnAt = items[0] ? drawnAt(items[0].start, rowsOffset, scale) : 0

  useEffect(() => {
    if (last >= first) ensureRange(first, last, total)
  }, [first, last, total, ensureRange])

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
        aria-label={t('table.scrollable', { label })}
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
          <tbody style={{ height: scale.height, paddingTop: firstDrawnAt }}>
            {rows.map((row, position) => {
              const item = items[position]
              if (!item) return null
              return (
                <tr
                  key={item.index - anchor}
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ height: ROW_HEIGHT }}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.column.id} role="cell" style={{ width: cell.column.getSize() }}>
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
