import { useTranslation } from 'react-i18next'
import { formatMessage } from '#shared/i18n/i18n.ts'
import type { RowOutcome } from './ResultsTable.tsx'

const WARNING_ICON = '⚠'

/** Why a row did not go through, or what the provider remarked on when it did. */
export function OutcomeMessage({ outcome }: { outcome: RowOutcome | undefined }) {
  const { t } = useTranslation('upload')
  if (!outcome) return null
  return (
    <span className="cell-text wrap">
      {/* Our own words in the language chosen now; a provider's reason as it gave it. */}
      {outcome.said ? formatMessage(outcome.said) : (outcome.message ?? '')}
      {outcome.warnings?.map((warning) => (
        <span key={warning} className="outcome-warning">
          <span aria-hidden="true">{WARNING_ICON} </span>
          <span className="visually-hidden">{t('results.warning')}</span>
          {warning}
        </span>
      ))}
    </span>
  )
}
