import { useTranslation } from 'react-i18next'
import type { DuplicateChoice, DuplicatesSummary } from '#shared/ipc/contract.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { fieldLabel } from './fieldLabels.ts'

// Keys, not sentences: the panel says them in the language chosen when it is drawn.
const CHOICES: readonly DuplicateChoice[] = ['keepAll', 'keepFirst', 'merge']

interface DuplicatesPanelProps {
  duplicates: DuplicatesSummary
  provider: ProviderDefinition
  onChoose(choice: DuplicateChoice): void
  onShow(): void
}

/** Says which customers appear more than once in the file and lets the user choose what is sent. */
export function DuplicatesPanel({ duplicates, provider, onChoose, onShow }: DuplicatesPanelProps) {
  const { t } = useTranslation('review')
  if (duplicates.groups === 0) return null
  const labels = duplicates.fields.map((field) => fieldLabel(provider, field))
  const fields = labels
    .slice(1)
    .reduce((before, field) => t('duplicates.orField', { fields: before, field }), labels[0] ?? '')
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">
        {t('duplicates.heading', {
          count: duplicates.groups,
          rows: t('duplicates.rows', { count: duplicates.rows }),
          fields,
        })}
      </h2>
      <button type="button" className="link-button" onClick={onShow}>
        {t('duplicates.show')}
      </button>
      <fieldset className="duplicate-choices">
        <legend>{t('duplicates.legend')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="duplicate-choice">
            <input
              type="radio"
              name="duplicate-choice"
              checked={duplicates.choice === choice}
              onChange={() => onChoose(choice)}
              aria-describedby={`duplicate-help-${choice}`}
            />
            <span>
              <strong>{t(`duplicates.choices.${choice}.label`)}</strong>
              <span id={`duplicate-help-${choice}`} className="muted">
                {' '}
                {t('duplicates.choiceHelp', { help: t(`duplicates.choices.${choice}.help`) })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  )
}
