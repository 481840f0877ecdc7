import { useTranslation } from 'react-i18next'
import type { Step } from '../store/types.ts'

/** The steps in order, each with its name's catalog key (looked up when drawn, so it follows a switch). */
export const STEPS = [
  { id: 'file', labelKey: 'steps.file' },
  { id: 'provider', labelKey: 'steps.provider' },
  { id: 'map', labelKey: 'steps.map' },
  { id: 'review', labelKey: 'steps.review' },
  { id: 'upload', labelKey: 'steps.upload' },
] as const satisfies readonly { id: Step; labelKey: `steps.${Step}` }[]

interface StepperProps {
  current: Step
  /** Steps whose prerequisites are met; the others are shown but cannot be chosen. */
  reachable: ReadonlySet<Step>
  onChoose(step: Step): void
}

export function Stepper({ current, reachable, onChoose }: StepperProps) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('steps.label')} className="stepper">
      <ol>
        {STEPS.map((step, index) => {
          const isCurrent = step.id === current
          return (
            <li
              key={step.id}
              className={isCurrent ? 'current' : reachable.has(step.id) ? 'reachable' : 'locked'}
            >
              <button
                type="button"
                aria-current={isCurrent ? 'step' : undefined}
                disabled={!reachable.has(step.id)}
                onClick={() => onChoose(step.id)}
              >
                <span className="stepper-number" aria-hidden="true">
                  {index + 1}
                </span>
                {t(step.labelKey)}
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
