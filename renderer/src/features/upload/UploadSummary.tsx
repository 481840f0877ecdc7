import type { UploadTotals } from '#shared/jobs.ts'
import { formatCount, plural } from '../../lib/format.ts'

const PARTS: { key: keyof Omit<UploadTotals, 'rows'>; label: string }[] = [
  { key: 'created', label: 'created' },
  { key: 'updated', label: 'updated' },
  { key: 'skipped', label: 'skipped' },
  { key: 'failed', label: 'failed' },
]

/**
 * The totals, each its own element; they always add up to the rows sent: the whole file, or the rows
 * of a retry.
 */
export function UploadSummary({ totals, rowsInFile }: { totals: UploadTotals; rowsInFile: number }) {
  return (
    <section role="status" aria-label="Upload results" className="totals">
      {PARTS.map((part) => (
        <p key={part.key} className={`total total-${part.key}`}>
          {formatCount(totals[part.key])} {part.label}
        </p>
      ))}
      <p className="muted total-rows">
        {totals.rows === rowsInFile
          ? `of ${formatCount(totals.rows)} rows in the file`
          : `of ${plural(totals.rows, 'row')} sent again`}
      </p>
    </section>
  )
}
