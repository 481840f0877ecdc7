import { useCallback, useRef, useState } from 'react'
import { t } from '#shared/i18n/i18n.ts'

export const PAGE_SIZE = 200

interface Cache<Row> {
  key: string
  pages: ReadonlyMap<number, Row[]>
  error: string | null
}

/**
 * Rows fetched from the engine a page at a time, as the visible range asks for them. The whole dataset
 * never comes over to the renderer; `resetKey` changing (a new filter, a re-validation) drops the cache.
 */
export function usePagedRows<Row>(
  resetKey: string,
  loadPage: (offset: number, limit: number) => Promise<Row[]>,
) {
  const [cache, setCache] = useState<Cache<Row>>({ key: resetKey, pages: new Map(), error: null })
  const loading = useRef(new Set<string>())
  // A new key means different rows: start from an empty cache (React's "adjust state on prop change").
  if (cache.key !== resetKey) setCache({ key: resetKey, pages: new Map(), error: null })

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        const token = `${resetKey}#${page}`
        if (cache.pages.has(page) || loading.current.has(token)) continue
        loading.current.add(token)
        loadPage(page * PAGE_SIZE, PAGE_SIZE).then(
          (rows) => {
            loading.current.delete(token)
            setCache((current) =>
              current.key === resetKey
                ? { ...current, pages: new Map(current.pages).set(page, rows) }
                : current,
            )
          },
          (reason: unknown) => {
            loading.current.delete(token)
            const error = reason instanceof Error ? reason.message : t('table.rowsNotLoaded')
            setCache((current) => (current.key === resetKey ? { ...current, error } : current))
          },
        )
      }
    },
    [cache.pages, loadPage, resetKey],
  )

  const rowAt = (index: number): Row | undefined =>
    cache.key === resetKey ? cache.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined
  return { rowAt, ensureRange, error: cache.key === resetKey ? cache.error : null }
}
