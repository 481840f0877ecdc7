import {
  DELIMITER_NAMES,
  Delimiter,
  ENCODING_NAMES,
  TextEncodingLabel,
  type IngestOptions,
} from '#shared/ingest-options.ts'
import type { DatasetSummary } from '#shared/jobs.ts'

interface ReadOptionsFormProps {
  dataset: DatasetSummary
  onReread(options: IngestOptions): void
  disabled: boolean
}

/** What was detected, each with a control to read the file again differently. */
export function ReadOptionsForm({ dataset, onReread, disabled }: ReadOptionsFormProps) {
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
        Encoding
        <select
          value={dataset.encodingLabel}
          disabled={disabled}
          onChange={(event) =>
            onReread({ ...current, encoding: TextEncodingLabel.parse(event.target.value) })
          }
        >
          {TextEncodingLabel.options.map((label) => (
            <option key={label} value={label}>
              {ENCODING_NAMES[label]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Delimiter
        <select
          value={dataset.delimiter}
          disabled={disabled}
          onChange={(event) => onReread({ ...current, delimiter: Delimiter.parse(event.target.value) })}
        >
          {Delimiter.options.map((delimiter) => (
            <option key={delimiter} value={delimiter}>
              {DELIMITER_NAMES[delimiter]}
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
  const sheet = dataset.sheet
  return (
    <div className="read-options">
      <label>
        Sheet
        <select
          value={sheet}
          disabled={disabled}
          // Another sheet has its own header row: let it be detected again.
          onChange={(event) => onReread({ sheet: event.target.value })}
        >
          {dataset.sheets?.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.hidden ? `${candidate.name} (hidden)` : candidate.name}
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
  return (
    <label>
      Header row
      <select
        value={props.dataset.headerRow}
        disabled={props.disabled}
        onChange={(event) => props.onChange(Number(event.target.value))}
      >
        {Array.from({ length: 20 }, (_, index) => index + 1).map((row) => (
          <option key={row} value={row}>
            Row {row}
          </option>
        ))}
      </select>
    </label>
  )
}
