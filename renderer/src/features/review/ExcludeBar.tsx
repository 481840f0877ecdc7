import { useTranslation } from 'react-i18next'
import type { RowFilter } from '#shared/ipc/contract.ts'

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
  const { t } = useTranslation('review')
  if (filter === 'all' || count === 0) return null
  const including = filter === 'excluded'
  // The one-row form says "this row", the others "these N rows".
  return (
    <div className="exclude-bar">
      <button type="button" className="button secondary small" onClick={() => onExclude(!including)}>
        {including ? t('exclude.include', { count }) : t('exclude.exclude', { count })}
      </button>
    </div>
  )
}
