import type { DuplicateChoice, DuplicatesSummary } from '#shared/ipc/contract.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { formatCount, plural } from '../../lib/format.ts'
import { fieldLabel } from './fieldLabels.ts'

const CHOICES: { id: DuplicateChoice; label: string; help: string }[] = [
  {
    id: 'keepAll',
    label: 'Send every row',
    help: 'The customer is updated once per row, so the values of the last row win.',
  },
  { id: 'keepFirst', label: 'Keep the first row', help: 'The later rows are skipped.' },
  {
    id: 'merge',
    label: 'Merge into the first row',
    help: 'The first row takes the later rows’ values for the fields it has empty; the later rows are skipped.',
  },
]

interface DuplicatesPanelProps {
  duplicates: DuplicatesSummary
  provider: ProviderDefinition
  onChoose(choice: DuplicateChoice): void
  onShow(): void
}

/** Says which customers appear more than once in the file and lets the user choose what is sent. */
export function DuplicatesPanel({ duplicates, provider, onChoose, onShow }: DuplicatesPanelProps) {
  if (duplicates.groups === 0) return null
  const by = duplicates.fields.map((field) => fieldLabel(provider, field)).join(' or ')
  const customers = plural(duplicates.groups, 'customer')
  const verb = duplicates.groups === 1 ? 'appears' : 'appear'
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">
        {customers} {verb} more than once ({formatCount(duplicates.rows)} rows) by {by}
      </h2>
      <button type="button" className="link-button" onClick={onShow}>
        Show these rows
      </button>
      <fieldset className="duplicate-choices">
        <legend>When a customer appears more than once</legend>
        {CHOICES.map((choice) => (
          <label key={choice.id} className="duplicate-choice">
            <input
              type="radio"
              name="duplicate-choice"
              checked={duplicates.choice === choice.id}
              onChange={() => onChoose(choice.id)}
              aria-describedby={`duplicate-help-${choice.id}`}
            />
            <span>
              <strong>{choice.label}</strong>
              <span id={`duplicate-help-${choice.id}`} className="muted">
                {' '}
                — {choice.help}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  )
}
