import { useTranslation } from 'react-i18next'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { Transform, TransformKind } from '#shared/mapping/transforms/transform.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import type { AssignmentChange } from '../../store/types.ts'
import { phoneCountries } from './countries.ts'
import { ALL_DATE_ORDERS, DateOrderSelect } from './DateOrderSelect.tsx'
import type { DateQuestion } from './date-question.ts'
import { hasValueMap, isDateField, isPhoneField, isTextLike } from './field-kind.ts'
import { JoinColumns } from './JoinColumns.tsx'
import { TextControls } from './TextControls.tsx'
import { findTransform, withTransform } from './transform-list.ts'
import { TransformPreview } from './TransformPreview.tsx'
import { ValueMapEditor } from './ValueMapEditor.tsx'

interface TransformPanelProps {
  /** The panel's element id; its controls' ids start with it. */
  id: string
  field: ProviderField
  assignment: Assignment
  headers: readonly string[]
  rows: readonly (readonly string[])[]
  /** Set while the field's dates read two ways and no order is chosen. */
  question: DateQuestion | null
  onChange(change: AssignmentChange): void
}

/** What happens to one field's values on the way, with only the controls that fit its type. */
export function TransformPanel({
  id,
  field,
  assignment,
  headers,
  rows,
  question,
  onChange,
}: TransformPanelProps) {
  const { t } = useTranslation('mapping')
  const transforms = assignment.transforms
  const setTransform = (kind: TransformKind, next: Transform | null) => {
    const list = withTransform(transforms, kind, next)
    onChange({ transforms: list.length === 0 ? undefined : list })
  }
  const phone = findTransform(transforms, 'phone')
  const date = findTransform(transforms, 'date')
  return (
    <div
      id={id}
      className="transform-panel"
      role="group"
      aria-label={t('transformPanel.label', { field: field.label })}
    >
      <div className="transform-controls">
        {isPhoneField(field, assignment) ? (
          <label className="transform-control" htmlFor={`${id}-country`}>
            <span>{t('transformPanel.country')}</span>
            <select
              id={`${id}-country`}
              value={phone?.country ?? ''}
              onChange={(event) =>
                setTransform(
                  'phone',
                  event.target.value === '' ? null : { kind: 'phone', country: event.target.value },
                )
              }
            >
              <option value="">{t('transformPanel.leaveNumbers')}</option>
              {phoneCountries().map((country) => (
                <option key={country.code} value={country.code}>
                  {t('transformPanel.countryChoice', { country: country.name, code: country.code })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {isDateField(field) ? (
          <DateOrderSelect
            id={`${id}-date-order`}
            label={t('transformPanel.dateOrder')}
            order={date?.order ?? null}
            choices={question?.readings ?? ALL_DATE_ORDERS}
            allowNone={question === null}
            onChange={(order) => setTransform('date', order === null ? null : { kind: 'date', order })}
          />
        ) : null}
        {isTextLike(field) ? <TextControls id={id} transforms={transforms} onChange={setTransform} /> : null}
        <label className="transform-control" htmlFor={`${id}-fallback`}>
          <span>{t('transformPanel.whenEmpty')}</span>
          <input
            id={`${id}-fallback`}
            value={assignment.fallback ?? ''}
            maxLength={1000}
            placeholder={t('transformPanel.nothing')}
            onChange={(event) =>
              onChange({ fallback: event.target.value === '' ? undefined : event.target.value })
            }
          />
        </label>
      </div>
      {isTextLike(field) ? (
        <JoinColumns
          id={id}
          fieldLabel={field.label}
          assignment={assignment}
          headers={headers}
          onChange={onChange}
        />
      ) : null}
      {hasValueMap(field, assignment) ? (
        <ValueMapEditor id={id} field={field} assignment={assignment} rows={rows} onChange={setTransform} />
      ) : null}
      <TransformPreview field={field} assignment={assignment} rows={rows} />
    </div>
  )
}
