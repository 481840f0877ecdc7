import { useTranslation } from 'react-i18next'
import type { ProviderId } from '#shared/ids.ts'
import { customFieldText } from '#shared/i18n/provider-text.ts'
import type { CustomFieldSpec } from '#shared/providers/types.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import { ICON } from './icons.ts'

interface CustomFieldsProps {
  /** Whose custom fields: their help and type names are said in the person's language. */
  providerId: ProviderId
  custom: CustomFieldSpec
  headers: readonly string[]
  samples: readonly string[]
  /** The assignments to this provider's custom fields. */
  customAssignments: readonly Assignment[]
  /** Columns no field is fed from. */
  unmapped: readonly { header: string; column: number }[]
  onAdd(field: string, column: number): void
  onRemove(field: string): void
  /** The custom field `from` becomes `to` (same column), e.g. when its type changes. */
  onRename(from: string, to: string): void
}

/**
 * The provider's custom fields made from leftover columns, and the columns not sent. Where the provider
 * spells a custom field's type in its name (Kustomer's Str/Num/At/Bool/Url/Txt), each one gets a type
 * picker, since a number or a date stored as text cannot be filtered or sorted as one in the platform.
 */
export function CustomFields(props: CustomFieldsProps) {
  const { providerId, custom, headers, samples, customAssignments, unmapped, onAdd, onRemove, onRename } =
    props
  const { t } = useTranslation('mapping')
  const help = customFieldText(providerId, 'help', custom.help)
  const typeName = (type: { value: string; label: string }) =>
    customFieldText(providerId, `types.${type.value}`, type.label)
  return (
    <fieldset className="field-group">
      <legend>{t('customFields.legend')}</legend>
      <p className="muted">{help}</p>
      {customAssignments.map((assignment) => {
        const header = headers[assignment.column] ?? ''
        const typeId = `custom-type-${assignment.column}`
        return (
          <div className="custom-row" key={assignment.field}>
            <span>
              <strong>{header}</strong> {ICON.sentAs} <code>{assignment.field}</code>
            </span>
            <span className="custom-actions">
              {custom.types && custom.typeOf ? (
                <>
                  <label htmlFor={typeId} className="visually-hidden">
                    {t('customFields.typeOf', { column: header })}
                  </label>
                  <select
                    id={typeId}
                    value={custom.typeOf(assignment.field) ?? ''}
                    onChange={(event) =>
                      onRename(assignment.field, custom.keyFor(header, event.target.value))
                    }
                  >
                    {custom.types.map((type) => (
                      <option key={type.value} value={type.value}>
                        {typeName(type)}
                      </option>
                    ))}
                  </select>
                </>
              ) : null}
              <button
                type="button"
                className="button secondary small"
                onClick={() => onRemove(assignment.field)}
              >
                {t('customFields.remove')} <span className="visually-hidden">{assignment.field}</span>
              </button>
            </span>
          </div>
        )
      })}
      {unmapped.length > 0 ? (
        <>
          <h2 className="subheading">{t('customFields.columnsNotSent')}</h2>
          <ul className="unmapped">
            {unmapped.map(({ header, column }) => (
              <li key={column}>
                <span>
                  {header}
                  {samples[column] ? (
                    <span className="muted"> {t('customFields.example', { value: samples[column] })}</span>
                  ) : null}
                </span>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => onAdd(custom.keyFor(header), column)}
                >
                  {t('customFields.addAsCustom')}{' '}
                  <span className="visually-hidden">{t('summary.quoted', { text: header })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  )
}
