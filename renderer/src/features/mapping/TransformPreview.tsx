import { useTranslation } from 'react-i18next'
import { formatMessage } from '#shared/i18n/i18n.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import { columnsOf } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { checkField } from '#shared/validation/validate-record.ts'
import { sentValues } from './sample-values.ts'
import { ICON } from './icons.ts'

interface TransformPreviewProps {
  field: ProviderField
  assignment: Assignment
  rows: readonly (readonly string[])[]
  /** Rows shown: enough to see the pattern, few enough to stay compact. */
  limit?: number
}

/** The first rows with a value, as in the file and as they will be sent, problems marked. */
export function TransformPreview({ field, assignment, rows, limit = 5 }: TransformPreviewProps) {
  const { t } = useTranslation('mapping')
  const columns = columnsOf(assignment)
  const sent = sentValues(assignment, rows)
  const shown = rows
    .map((cells, row) => ({ cells: columns.map((column) => cells[column] ?? ''), sent: sent[row] ?? '' }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
    .slice(0, limit)
  if (shown.length === 0) return <p className="muted">{t('transformPreview.noValues')}</p>
  return (
    <table className="transform-preview">
      <caption>{t('transformPreview.caption', { field: field.label })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('transformPreview.inFile')}</th>
          <th scope="col">{t('transformPreview.sentAs')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map(({ cells, sent: value }, index) => {
          const issue = value === '' ? undefined : checkField(field, value)[0]
          return (
            <tr key={index} className={issue ? 'rejected' : undefined}>
              <td>{cells.filter((cell) => cell.trim() !== '').join(' + ')}</td>
              <td>
                {value === '' ? <span className="muted">{t('transformPreview.leftOut')}</span> : value}
                {issue ? (
                  <span className="preview-issue">
                    <span aria-hidden="true">{ICON.rejected} </span>
                    <span className="visually-hidden">{t('transformPreview.willBeRejected')} </span>
                    {formatMessage(issue.message)}
                  </span>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
