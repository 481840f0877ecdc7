import type { Step } from '../store/types.ts'

export const STEPS: { id: Step; label: string }[] = [
  { id: 'file', label: 'File' },
  { id: 'provider', label: 'Provider' },
  { id: 'map', label: 'Map' },
  { id: 'review', label: 'Review' },
  { id: 'upload', label: 'Upload' },
]

interface StepperProps {
  current: Step
  /** Steps whose prerequisites are met; the others are shown but cannot be chosen. */
  reachable: ReadonlySet<Step>
  onChoose(step: Step): void
}

export function Stepper({ current, reachable, onChoose }: StepperProps) {
  return (
    <nav aria-label="Steps" className="stepper">
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
                {step.label}
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
