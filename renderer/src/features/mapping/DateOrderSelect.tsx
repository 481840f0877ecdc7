import type { DateOrder } from '#shared/mapping/transforms/transform.ts'
import { dateOrderName } from './date-question.ts'

interface DateOrderSelectProps {
  id: string
  label: string
  order: DateOrder | null
  /** The orders to offer, with an example of each when the file has one. */
  choices: readonly { order: DateOrder; text?: string }[]
  /** Offer "as written" (no date transform); not while the person still has to decide. */
  allowNone: boolean
  onChange(order: DateOrder | null): void
}

const EXAMPLES: Record<DateOrder, string> = { DMY: '31.12.2024', MDY: '12/31/2024', YMD: '2024.12.31' }

/** The order of day, month and year in a column's dates. */
export function DateOrderSelect({ id, label, order, choices, allowNone, onChange }: DateOrderSelectProps) {
  return (
    <label className="transform-control" htmlFor={id}>
      <span>{label}</span>
      <select
        id={id}
        value={order ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as DateOrder))}
      >
        <option value="" disabled={!allowNone}>
          {allowNone ? 'As written (not changed)' : 'Choose…'}
        </option>
        {choices.map((choice) => (
          <option key={choice.order} value={choice.order}>
            {dateOrderName(choice.order)} ({choice.text ?? `e.g. ${EXAMPLES[choice.order]}`})
          </option>
        ))}
      </select>
    </label>
  )
}

export const ALL_DATE_ORDERS: readonly { order: DateOrder }[] = [
  { order: 'DMY' },
  { order: 'MDY' },
  { order: 'YMD' },
]
