import { useTranslation } from 'react-i18next'
import type { DateOrder } from '#shared/mapping/transforms/transform.ts'
import { dateOrderName, spellDate } from './date-question.ts'

interface DateOrderSelectProps {
  id: string
  label: string
  order: DateOrder | null
  /** The orders to offer, with what the file's example becomes in each (an ISO date) when there is one. */
  choices: readonly { order: DateOrder; date?: string }[]
  /** Offer "as written" (no date transform); not while the person still has to decide. */
  allowNone: boolean
  onChange(order: DateOrder | null): void
}

// Written the same in every language: they show the shape of the file's values, not a sentence.
const EXAMPLES: Record<DateOrder, string> = { DMY: '31.12.2024', MDY: '12/31/2024', YMD: '2024.12.31' }

/** The order of day, month and year in a column's dates. */
export function DateOrderSelect({ id, label, order, choices, allowNone, onChange }: DateOrderSelectProps) {
  const { t } = useTranslation('mapping')
  return (
    <label className="transform-control" htmlFor={id}>
      <span>{label}</span>
      <select
        id={id}
        value={order ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as DateOrder))}
      >
        <option value="" disabled={!allowNone}>
          {allowNone ? t('dateOrder.asWritten') : t('dateOrder.choose')}
        </option>
        {choices.map((choice) => (
          <option key={choice.order} value={choice.order}>
            {t('dateOrder.choice', {
              order: dateOrderName(choice.order),
              example: choice.date
                ? spellDate(choice.date)
                : t('dateOrder.example', { value: EXAMPLES[choice.order] }),
            })}
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
