import type { RowFilter } from '#shared/ipc/contract.ts'
import { plural } from '../../lib/format.ts'

interface ExcludeBarProps {
  filter: RowFilter
  /** Rows the filter shows now. */
  count: number
  onExclude(excluded: boolean): void
}

/**
 * Leaves every row of the current filter out of the upload at once ("all rows with errors"), or, on
 * the Excluded filter, takes them all back. Not offered on "All": that would leave nothing to send.
 */
export function ExcludeBar({ filter, count, onExclude }: ExcludeBarProps) {
  if (filter === 'all' || count === 0) return null
  const including = filter === 'excluded'
  return (
    <div className="exclude-bar">
      <button type="button" className="button secondary small" onClick={() => onExclude(!including)}>
        {count === 1
          ? including
            ? 'Include this row again'
            : 'Exclude this row'
          : including
            ? `Include these ${plural(count, 'row')} again`
            : `Exclude these ${plural(count, 'row')}`}
      </button>
    </div>
  )
}
