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
      <label>
        Header row
        <select
          value={dataset.headerRow}
          disabled={disabled}
          onChange={(event) => onReread({ ...current, headerRow: Number(event.target.value) })}
        >
          {Array.from({ length: 20 }, (_, index) => index + 1).map((row) => (
            <option key={row} value={row}>
              Row {row}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
