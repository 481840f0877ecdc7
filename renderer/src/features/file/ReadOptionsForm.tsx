import { useTranslation } from 'react-i18next'
import { Delimiter, TextEncodingLabel, type IngestOptions } from '#shared/ingest-options.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import { delimiterName } from '../../lib/format.ts'
import { encodingName } from './reading-text.ts'

interface ReadOptionsFormProps {
  dataset: DatasetSummary
  onReread(options: IngestOptions): void
  disabled: boolean
}

/** What was detected, each with a control to read the file again differently. */
export function ReadOptionsForm({ dataset, onReread, disabled }: ReadOptionsFormProps) {
  const { t } = useTranslation('file')
  if (dataset.format === 'xlsx') {
    return <WorkbookOptions dataset={dataset} onReread={onReread} disabled={disabled} />
  }
  const current: IngestOptions = {
    encoding: dataset.encodingLabel,
    delimiter: Delimiter.safeParse(dataset.delimiter).data,
    headerRow: dataset.headerRow,
  }
  return (
    <div className="read-options">
      <label>
        {t('readOptions.encoding')}
        <select
          value={dataset.encodingLabel}
          disabled={disabled}
          onChange={(event) =>
            onReread({ ...current, encoding: TextEncodingLabel.parse(event.target.value) })
          }
        >
          {TextEncodingLabel.options.map((label) => (
            <option key={label} value={label}>
              {encodingName(label)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('readOptions.delimiter')}
        <select
          value={dataset.delimiter}
          disabled={disabled}
          onChange={(event) => onReread({ ...current, delimiter: Delimiter.parse(event.target.value) })}
        >
          {Delimiter.options.map((delimiter) => (
            <option key={delimiter} value={delimiter}>
              {delimiterName(delimiter)}
            </option>
          ))}
        </select>
      </label>
      <HeaderRowSelect
        dataset={dataset}
        disabled={disabled}
        onChange={(headerRow) => onReread({ ...current, headerRow })}
      />
    </div>
  )
}

/** Excel workbooks: which sheet (hidden ones say so) and which row holds the column names. */
function WorkbookOptions({ dataset, onReread, disabled }: ReadOptionsFormProps) {
  const { t } = useTranslation('file')
  const sheet = dataset.sheet
  return (
    <div className="read-options">
      <label>
        {t('readOptions.sheet')}
        <select
          value={sheet}
          disabled={disabled}
          // Another sheet has its own header row: let it be detected again.
          onChange={(event) => onReread({ sheet: event.target.value })}
        >
          {dataset.sheets?.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.hidden ? t('readOptions.hiddenSheet', { name: candidate.name }) : candidate.name}
            </option>
          ))}
        </select>
      </label>
      <HeaderRowSelect
        dataset={dataset}
        disabled={disabled}
        onChange={(headerRow) => onReread({ ...(sheet ? { sheet } : {}), headerRow })}
      />
    </div>
  )
}

function HeaderRowSelect(props: { dataset: DatasetSummary; disabled: boolean; onChange(row: number): void }) {
  const { t } = useTranslation('file')
  return (
    <label>
      {t('readOptions.headerRow')}
      <select
        value={props.dataset.headerRow}
        disabled={props.disabled}
        onChange={(event) => props.onChange(Number(event.target.value))}
      >
        {Array.from({ length: 20 }, (_, index) => index + 1).map((row) => (
          <option key={row} value={row}>
            {t('readOptions.row', { row })}
          </option>
        ))}
      </select>
    </label>
  )
}
