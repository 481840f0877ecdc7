import { useCallback, useEffect, useMemo, useState } from 'react'
import { t } from '#shared/i18n/i18n.ts'
import { PageLoader } from './page-loader.ts'

/**
 * Rows per request: two and a half screens of the review grid. A jump (dragging the scroll bar) needs
 * a new page for the screen it lands on, and the page is built, sent and parsed as a whole: with 200
 * rows the scroll bench over a million rows had a frame or three over 50 ms on a slow machine; with 50
 * (and the next page fetched ahead, page-loader.ts) none in four runs of five at the same time, and
 * fast smooth scrolling (60 px a frame) showed empty rows in no frame, where 200 without fetching ahead
 * showed them in 5 of 400.
 */
export const PAGE_SIZE = 50

interface Snapshot<Row> {
  key: string
  pages: ReadonlyMap<number, Row[]>
  error: string | null
}

/**
 * Rows fetched from the engine a page at a time, as the visible range asks for them (page-loader.ts).
 * The whole dataset never comes over to the renderer; `resetKey` changing (a new filter, a
 * re-validation) starts a new loader with an empty cache.
 */
export function usePagedRows<Row>(
  resetKey: string,
  loadPage: (offset: number, limit: number) => Promise<Row[]>,
) {
  const [snapshot, setSnapshot] = useState<Snapshot<Row>>({ key: resetKey, pages: new Map(), error: null })
  const loader = useMemo(
    () =>
      new PageLoader<Row>(
        loadPage,
        (pages, reason) => {
          const error =
            reason === null ? null : reason instanceof Error ? reason.message : t('table.rowsNotLoaded')
          setSnapshot({ key: resetKey, pages, error })
        },
        { pageSize: PAGE_SIZE },
      ),
    [resetKey, loadPage],
  )
  useEffect(() => {
    loader.start()
    return () => loader.stop()
  }, [loader])

  const ensureRange = useCallback(
    (first: number, last: number, rowCount: number) => loader.want(first, last, rowCount),
    [loader],
  )
  const current = snapshot.key === resetKey
  const rowAt = (index: number): Row | undefined =>
    current ? snapshot.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined
  return { rowAt, ensureRange, error: current ? snapshot.error : null }
}
