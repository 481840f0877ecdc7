import type { TFunction } from 'i18next'
import { formatCount } from '../../lib/format.ts'

interface ColumnHeadingProps {
  label: string
  /** Rows with an error (a warning) in this column's field. */
  errors: number
  warnings: number
  t: TFunction<'review'>
}

/**
 * A review column's heading with its problems counted: a sign and a number to see, and one phrase to
 * hear ("Email, 3 rows with errors").
 */
export function ColumnHeading({ label, errors, warnings, t }: ColumnHeadingProps) {
  if (errors === 0 && warnings === 0) return label
  const errorWords = errors > 0 ? t('grid.errorsInColumn', { count: errors }) : null
  const warningWords = warnings > 0 ? t('grid.warningsInColumn', { count: warnings }) : null
  return (
    <span className="column-heading">
      <span aria-hidden="true">{label}</span>
      {errorWords ? <Count tone="error" sign="✕" count={errors} words={errorWords} /> : null}
      {warningWords ? <Count tone="warning" sign="⚠" count={warnings} words={warningWords} /> : null}
      <span className="visually-hidden">{[label, errorWords, warningWords].filter(Boolean).join(', ')}</span>
    </span>
  )
}

function Count({ tone, sign, count, words }: { tone: string; sign: string; count: number; words: string }) {
  return (
    <span className={`column-count column-count-${tone}`} title={words} aria-hidden="true">
      {sign} {formatCount(count)}
    </span>
  )
}
