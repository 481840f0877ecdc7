import { useEffect, useState } from 'react'
import type { DatasetId } from '#shared/ids.ts'
import type { Res } from '#shared/ipc/contract.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { ColumnReplaceQuery } from '../../store/types.ts'

export type ReplacePreview = Res<'dataset:findInColumn'>

/** Typing pauses this long before the engine counts again, so a word is not counted letter by letter. */
const PAUSE_MS = 200

/**
 * How many cells the find & replace would change and the first few, counted by the engine over the
 * whole file. Counted again when the query changes or the data does (`version`, after any edit).
 */
export function useReplacePreview(
  datasetId: DatasetId,
  query: ColumnReplaceQuery | null,
  version: number,
): { preview: ReplacePreview | null; error: string | null } {
  const [state, setState] = useState<{ key: string; preview: ReplacePreview | null; error: string | null }>()
  const key = query ? JSON.stringify([datasetId, query, version]) : ''
  useEffect(() => {
    if (!query) return
    let current = true
    const timer = setTimeout(() => {
      unwrap(api.dataset.findInColumn({ datasetId, ...query })).then(
        (preview) => current && setState({ key, preview, error: null }),
        (error: unknown) => current && setState({ key, preview: null, error: messageOf(error) }),
      )
    }, PAUSE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // The key holds everything the count depends on; the query object is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  // A count for another query (the one before this keystroke) is never shown as this one's.
  return state?.key === key ? state : { preview: null, error: null }
}
