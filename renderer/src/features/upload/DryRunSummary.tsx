import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobId } from '#shared/ids.ts'
import type { DryRunTotals } from '#shared/jobs.ts'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'

/** Each count and the catalog sentence that says it ("9 would be created"). */
const PARTS = [
  { key: 'wouldCreate', text: 'totals.wouldCreate' },
  { key: 'wouldUpdate', text: 'totals.wouldUpdate' },
  { key: 'wouldSend', text: 'totals.wouldSend' },
  { key: 'skipped', text: 'totals.skipped' },
  { key: 'failed', text: 'totals.wouldFail' },
] as const satisfies readonly {
  key: keyof Omit<DryRunTotals, 'rows' | 'requests' | 'lookups'>
  text: string
}[]

/**
 * What a dry run found, as counts that add up to the rows in the file, and how many requests the
 * real upload would make. "Would be sent" is for providers that decide create-or-update themselves.
 */
export function DryRunSummary({ jobId, providerName }: { jobId: JobId; providerName: string }) {
  const { t } = useTranslation('upload')
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
  const requests = t('dryRun.requests', { count: totals.requests })
  return (
    <>
      <section role="status" aria-label={t('totals.dryRunLabel')} className="totals">
        {PARTS.filter((part) => part.key !== 'wouldSend' || totals.wouldSend > 0).map((part) => (
          <p key={part.key} className={`total total-${part.key}`}>
            {t(part.text, { count: totals[part.key] })}
          </p>
        ))}
        <p className="muted total-rows">{t('totals.ofRowsInFile', { count: totals.rows })}</p>
      </section>
      <p>
        {totals.lookups > 0
          ? t('dryRun.withLookups', {
              requests,
              provider: providerName,
              lookups: t('dryRun.lookups', { count: totals.lookups }),
            })
          : t('dryRun.withoutLookups', { requests, provider: providerName })}
      </p>
    </>
  )
}
