import { useTranslation } from 'react-i18next'
import type { UploadTotals } from '#shared/jobs.ts'

const PARTS = ['created', 'updated', 'skipped', 'failed'] as const satisfies readonly (keyof UploadTotals)[]

/**
 * The totals, each its own element; they always add up to the rows sent: the whole file, or the rows
 * of a retry.
 */
export function UploadSummary({ totals, rowsInFile }: { totals: UploadTotals; rowsInFile: number }) {
  const { t } = useTranslation('upload')
  return (
    <section role="status" aria-label={t('totals.uploadLabel')} className="totals">
      {PARTS.map((part) => (
        <p key={part} className={`total total-${part}`}>
          {t(`totals.${part}`, { count: totals[part] })}
        </p>
      ))}
      <p className="muted total-rows">
        {totals.rows === rowsInFile
          ? t('totals.ofRowsInFile', { count: totals.rows })
          : t('totals.ofRowsSentAgain', { count: totals.rows })}
      </p>
    </section>
  )
}
