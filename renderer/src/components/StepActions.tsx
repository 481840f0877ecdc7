import { useTranslation } from 'react-i18next'

interface StepActionsProps {
  onBack?: () => void
  next?: { label: string; disabled?: boolean; onClick(): void }
}

/** The bar under every step: Back on the left of the main action, which is always last. */
export function StepActions({ onBack, next }: StepActionsProps) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      {onBack ? (
        <button type="button" className="button secondary" onClick={onBack}>
          {t('actions.back')}
        </button>
      ) : null}
      {next ? (
        <button type="button" className="button primary" disabled={next.disabled} onClick={next.onClick}>
          {next.label}
        </button>
      ) : null}
    </div>
  )
}
