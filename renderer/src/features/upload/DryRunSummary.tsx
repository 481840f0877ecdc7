import { useEffect, useState } from 'react'
import type { JobId } from '#shared/ids.ts'
import type { DryRunTotals } from '#shared/jobs.ts'
import { formatCount, plural } from '../../lib/format.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'

const PARTS: { key: keyof Omit<DryRunTotals, 'rows' | 'requests' | 'lookups'>; label: string }[] = [
  { key: 'wouldCreate', label: 'would be created' },
  { key: 'wouldUpdate', label: 'would be updated' },
  { key: 'wouldSend', label: 'would be sent' },
  { key: 'skipped', label: 'skipped' },
  { key: 'failed', label: 'would fail' },
]

/**
 * What a dry run found, as counts that add up to the rows in the file, and how many requests the
 * real upload would make. "Would be sent" is for providers that decide create-or-update themselves.
 */
export function DryRunSummary({ jobId, providerName }: { jobId: JobId; providerName: string }) {
  const [totals, setTotals] = useState<DryRunTotals | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    unwrap(api.upload.results({ jobId, offset: 0, limit: 1 }))
      .then((page) => current && setTotals(page.dryRun ?? null))
      .catch((reason: unknown) => current && setError(messageOf(reason)))
    return () => {
      current = false
    }
  }, [jobId])
  if (error) return <p role="alert">{error}</p>
  if (!totals) return null
  return (
    <>
      <section role="status" aria-label="Dry run results" className="totals">
        {PARTS.filter((part) => part.key !== 'wouldSend' || totals.wouldSend > 0).map((part) => (
          <p key={part.key} className={`total total-${part.key}`}>
            {formatCount(totals[part.key])} {part.label}
          </p>
        ))}
        <p className="muted total-rows">of {formatCount(totals.rows)} rows in the file</p>
      </section>
      <p>
        The upload would make {plural(totals.requests, 'request')} to {providerName}
        {totals.lookups > 0
          ? `. To tell new customers from existing ones, this dry run made ${plural(totals.lookups, 'read-only lookup')}, as the upload does.`
          : `, which decides itself whether each customer is created or updated, so nothing was looked up.`}
      </p>
    </>
  )
}
